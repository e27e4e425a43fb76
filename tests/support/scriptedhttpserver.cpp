#include "scriptedhttpserver.h"

#include <memory>

using namespace Qt::StringLiterals;

ScriptedHttpServer::ScriptedHttpServer(RequestHandler onRequest) : m_onRequest(std::move(onRequest))
{
    m_server.listen(QHostAddress::LocalHost);
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
        // The sockets are children of the server: held open until it goes.
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            if (!m_onRequest)
                continue;
            auto received = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, received] {
                *received += socket->readAll();
                const qsizetype end = received->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = received->left(end);
                received->remove(0, end + 4);
                m_onRequest(socket, head);
            });
        }
    });
}

QUrl ScriptedHttpServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

QByteArray requestHeader(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return line.mid(line.indexOf(':') + 1).trimmed();
    }
    return QByteArray();
}
