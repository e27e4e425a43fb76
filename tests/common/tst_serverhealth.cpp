// ServerHealth: the /health answer that the server writes and the desktop reads.

#include <taskflow/common/serverhealth.h>

#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

class TestServerHealth : public QObject
{
    Q_OBJECT

private slots:
    void healthyInApiOrder()
    {
        ServerHealth health;
        health.healthy = true;
        health.database = u"connected"_s;
        health.tasksCount = 12;
        health.environment = u"production"_s;
        health.version = u"1.0.0"_s;
        QCOMPARE(health.toJson(),
                 QByteArray(R"({"status":"healthy","database":"connected","tasks_count":12,)"
                            R"("environment":"production","version":"1.0.0"})"));
    }

    void unhealthyHasOnlyTheReason()
    {
        ServerHealth health;
        health.database = u"connection refused"_s;
        QCOMPARE(health.toJson(), QByteArray(R"({"status":"unhealthy","database":"connection refused"})"));
    }

    void roundTrips()
    {
        for (const bool healthy : {true, false}) {
            ServerHealth health;
            health.healthy = healthy;
            health.database = healthy ? u"connected"_s : u"timeout \"x\""_s;
            if (healthy) {
                health.tasksCount = 0;
                health.environment = u"development"_s;
                health.version = u"1.2.3"_s;
            }
            const auto read = ServerHealth::fromJson(QJsonDocument::fromJson(health.toJson()).object());
            QVERIFY(read);
            QCOMPARE(*read, health);
        }
    }

    void rejectsWhatIsNotAHealthReport()
    {
        QVERIFY(!ServerHealth::fromJson(QJsonObject{}));
        QVERIFY(!ServerHealth::fromJson(QJsonObject{{u"status"_s, 1}}));
        const auto other = ServerHealth::fromJson(QJsonObject{{u"status"_s, u"starting"_s}});
        QVERIFY(other);
        QVERIFY(!other->healthy);
    }
};

QTEST_GUILESS_MAIN(TestServerHealth)
#include "tst_serverhealth.moc"
