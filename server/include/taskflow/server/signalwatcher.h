#pragma once

#include <QObject>

namespace taskflow {

// Turns the platform's "please stop" (SIGTERM and SIGINT on Unix, Ctrl+C and console close on
// Windows) into a Qt signal delivered on the event loop, where it is safe to act on.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(const QString &signalName);

private:
    void deliver(int signalNumber);
    class Platform;
    Platform *m_platform = nullptr;
};

} // namespace taskflow
