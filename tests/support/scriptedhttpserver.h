#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

// A stand-in for an HTTP server on 127.0.0.1 that the test scripts: each request head (up to
// the blank line) goes to `onRequest`, which writes whatever answer it likes on the socket.
// Without one, it accepts connections and never answers: a server that hangs.
class ScriptedHttpServer
{
public:
    using RequestHandler = std::function<void(QTcpSocket *socket, const QByteArray &head)>;

    explicit ScriptedHttpServer(RequestHandler onRequest = {});

    bool isListening() const { return m_server.isListening(); }
    QUrl url() const;

private:
    QTcpServer m_server;
    RequestHandler m_onRequest;
};

// A header of a request head, or a null QByteArray; the name in any case.
QByteArray requestHeader(const QByteArray &head, const QByteArray &name);
