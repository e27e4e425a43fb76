#include <taskflow/server/parsersocket.h>

#include <taskflow/server/httpconnection.h>
#include <taskflow/server/logging.h>

#include <cstring>

namespace taskflow {

ParserSocket::ParserSocket(HttpConnection *connection, const QTcpSocket &network, QObject *parent)
    : QTcpSocket(parent), m_connection(connection)
{
    // Qt HttpServer reads the addresses into each request (remoteAddress(), remotePort()).
    setPeerAddress(network.peerAddress());
    setPeerPort(network.peerPort());
    setLocalAddress(network.localAddress());
    setLocalPort(network.localPort());
    QIODevice::open(QIODevice::ReadWrite);
    setSocketState(QAbstractSocket::ConnectedState);
}

void ParserSocket::release(const QByteArray &request)
{
    m_released = m_released.mid(m_read) + request;
    m_read = 0;
    emit readyRead();
}

void ParserSocket::detach()
{
    if (state() == QAbstractSocket::UnconnectedState)
        return;
    m_detaching = true;
    m_released.clear();
    m_read = 0;
    QTcpSocket::disconnectFromHost(); // no network: unconnected at once, `disconnected` emitted
}

qint64 ParserSocket::bytesAvailable() const
{
    return QTcpSocket::bytesAvailable() + (m_released.size() - m_read);
}

void ParserSocket::disconnectFromHost()
{
    if (!m_detaching && m_connection) {
        qCWarning(lcServer) << "Qt HttpServer dropped a request the listener had accepted";
        m_connection->abort();
    }
    detach();
}

qint64 ParserSocket::readData(char *data, qint64 maxSize)
{
    const qint64 take = qMin<qint64>(maxSize, m_released.size() - m_read);
    if (take > 0) {
        std::memcpy(data, m_released.constData() + m_read, size_t(take));
        m_read += take;
        if (m_read == m_released.size()) {
            m_released.clear();
            m_read = 0;
        }
    }
    return take;
}

qint64 ParserSocket::writeData(const char *, qint64 size)
{
    // The connection writes every answer; Qt HttpServer has nothing to say here (Expect is
    // answered before a request reaches it, and that field is not passed on).
    qCWarning(lcServer) << "Qt HttpServer wrote" << size << "bytes past the connection; dropped";
    return size;
}

} // namespace taskflow
