// The server on Windows. SignalWatcher: the console control handler runs on its own thread, so
// it queues the request onto the watcher's event loop. Platform: socket options Qt does not offer.
#include <taskflow/server/platform.h>
#include <taskflow/server/signalwatcher.h>

#include <QMetaObject>
#include <QPointer>

#include <winsock2.h>
#include <windows.h>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {
QPointer<SignalWatcher> activeWatcher;

BOOL WINAPI onConsoleEvent(DWORD type)
{
    if (!activeWatcher)
        return FALSE;
    QMetaObject::invokeMethod(activeWatcher.data(), [type] {
        if (activeWatcher)
            emit activeWatcher->terminationRequested(type == CTRL_C_EVENT ? u"Ctrl+C"_s
                                                                          : u"console close"_s);
    }, Qt::QueuedConnection);
    return TRUE;
}
} // namespace

class SignalWatcher::Platform
{
};

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent), m_platform(new Platform)
{
    activeWatcher = this;
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

SignalWatcher::~SignalWatcher()
{
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    delete m_platform;
}

void SignalWatcher::deliver(int)
{
}

void Platform::dropUnsentOnClose(qintptr socketDescriptor)
{
    const linger resetOnClose{1, 0};
    ::setsockopt(SOCKET(socketDescriptor), SOL_SOCKET, SO_LINGER,
                 reinterpret_cast<const char *>(&resetOnClose), int(sizeof resetOnClose));
}

} // namespace taskflow
