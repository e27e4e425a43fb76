#pragma once

#include <QtGlobal>

namespace taskflow::Platform {

// What Qt does not offer for a socket, done on the platform's own terms (platform_unix.cpp,
// platform_win.cpp: the only platform-specific code of the server, with SignalWatcher).

// The next close of this connected socket resets the connection: what the kernel still holds
// for the client is dropped at once instead of trickling out to a client that does not read.
void dropUnsentOnClose(qintptr socketDescriptor);

} // namespace taskflow::Platform
