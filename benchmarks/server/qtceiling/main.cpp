// Qt HttpServer alone: GET /__ceiling answers {"status":"ok"} as TaskFlow's ceiling route does.
// Usage: qt-httpserver-ceiling [PORT]   (0 or none picks a free port; prints it)
#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QHttpServer server;
    server.route("/__ceiling", [] {
        return QHttpServerResponse("application/json", QByteArray(R"({"status":"ok"})"));
    });
    const quint16 wanted = argc > 1 ? QByteArray(argv[1]).toUShort() : 0;
    const quint16 port = server.listen(QHostAddress::LocalHost, wanted);
    if (port == 0) {
        std::fprintf(stderr, "qt-httpserver-ceiling: cannot listen\n");
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%u\n", unsigned(port));
    std::fflush(stdout);
    return app.exec();
}
