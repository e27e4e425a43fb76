#pragma once

#include <QPointer>
#include <QTcpSocket>

namespace taskflow {

class HttpConnection;

// The socket Qt HttpServer reads requests from. It has no network under it: its HttpConnection
// owns the real socket, reads and checks the bytes (RequestFramer), and hands this one a whole,
// normalized request at a time. So Qt's parser never sees a byte the connection has not
// accepted, never reads ahead of the answer it owes (backpressure), and reads the same input on
// every Qt version. Answers do not go through here: the connection writes them itself.
class ParserSocket : public QTcpSocket
{
    Q_OBJECT

public:
    ParserSocket(HttpConnection *connection, const QTcpSocket &network, QObject *parent);

    HttpConnection *connection() const { return m_connection; }
    // Makes one request readable and tells the parser (readyRead).
    void release(const QByteArray &request);
    // The real connection closed: becomes unconnected and says so (disconnected), which is
    // how Qt HttpServer lets go of it.
    void detach();

    qint64 bytesAvailable() const override;
    // Qt HttpServer gives up on a connection this way (a request it could not parse).
    void disconnectFromHost() override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QPointer<HttpConnection> m_connection;
    QByteArray m_released;
    qsizetype m_read = 0;
    bool m_detaching = false;
};

} // namespace taskflow
