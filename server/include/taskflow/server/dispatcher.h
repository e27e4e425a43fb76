#pragma once

#include <taskflow/server/accesscontrol.h>
#include <taskflow/server/corspolicy.h>
#include <taskflow/server/httpmessage.h>
#include <taskflow/server/router.h>

namespace taskflow {

// What happens to a request once it has been read, with no socket in sight (so tests drive it
// directly): CORS preflight → access control → route → handler, or 404/405/307; and on the way
// out, the CORS headers every answer carries, errors included.
class Dispatcher
{
public:
    Dispatcher(Router router, CorsPolicy cors, AccessControl access);

    // Answers through `respond`, once, on this thread or a database worker's.
    void dispatch(const HttpRequest &request, const Respond &respond) const;
    // Adds what every answer to `request` carries on its way out.
    void decorate(const HttpRequest &request, HttpResponse &response) const;

    const Router &router() const { return m_router; }

private:
    Router m_router;
    CorsPolicy m_cors;
    AccessControl m_access;
};

} // namespace taskflow
