#pragma once

#include <QObject>
#include <QPointer>

#include <utility>

namespace taskflow {

// Wraps `callback` so that it runs only while `context` lives; with no context it always
// runs. How an answer that arrives after its dialog, window or connection is gone is dropped.
template <typename Callback>
auto guardedBy(const QObject *context, Callback callback)
{
    return [receiver = QPointer<const QObject>(context), hasContext = context != nullptr,
            callback = std::move(callback)](auto &&...arguments) mutable {
        if (receiver || !hasContext)
            callback(std::forward<decltype(arguments)>(arguments)...);
    };
}

} // namespace taskflow
