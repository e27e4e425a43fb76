// The server on Unix. SignalWatcher: a signal handler may only do async-signal-safe things, so
// it writes the signal number into a socket pair that a QSocketNotifier reads on the event loop.
// Platform: socket options Qt does not offer.
#include <taskflow/server/platform.h>
#include <taskflow/server/signalwatcher.h>

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {
int signalSockets[2] = {-1, -1};

void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const ssize_t written = ::write(signalSockets[0], &byte, 1);
}
} // namespace

class SignalWatcher::Platform
{
public:
    QSocketNotifier *notifier = nullptr;
};

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent), m_platform(new Platform)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSockets) != 0)
        return;
    m_platform->notifier = new QSocketNotifier(signalSockets[1], QSocketNotifier::Read, this);
    connect(m_platform->notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(signalSockets[1], &byte, 1) == 1)
            deliver(byte);
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    delete m_platform;
}

void SignalWatcher::deliver(int signalNumber)
{
    emit terminationRequested(signalNumber == SIGINT ? u"SIGINT"_s : u"SIGTERM"_s);
}

void Platform::dropUnsentOnClose(qintptr socketDescriptor)
{
    const linger resetOnClose{1, 0};
    ::setsockopt(int(socketDescriptor), SOL_SOCKET, SO_LINGER, &resetOnClose, sizeof resetOnClose);
}

} // namespace taskflow
