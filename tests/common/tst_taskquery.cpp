// QueryString and TaskQuery: the query of GET /tasks and /tasks/stats (API.md, "Query
// parameters"), decoded as Starlette decodes it (urllib.parse.parse_qsl, keep_blank_values).
#include <taskflow/common/querystring.h>
#include <taskflow/common/taskquery.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace taskflow;

Q_DECLARE_METATYPE(taskflow::TaskQuery)
Q_DECLARE_METATYPE(taskflow::TaskSortKey)

namespace {

// The 422 entries of a parse: none when it succeeded.
template <typename Parsed>
ValidationErrors errorsOf(const Parsed &parsed)
{
    return parsed ? ValidationErrors() : parsed.error();
}

// The items as a flat list: name, value, name, value, ...
QStringList flatten(const QueryString &query)
{
    QStringList out;
    for (const QueryString::Item &item : query.items())
        out << item.first << item.second;
    return out;
}

QString describe(const ValidationErrors &errors)
{
    QStringList out;
    for (const ValidationError &error : errors)
        out.append(QString::fromUtf8(QJsonDocument(error.loc).toJson(QJsonDocument::Compact)) + u' '
                   + error.type);
    return out.join(u", "_s);
}

} // namespace

class tst_TaskQuery : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void valueAndContains();

    void sortKeyNames_data();
    void sortKeyNames();
    void defaults();
    void filters_data();
    void filters();
    void sort_data();
    void sort();
    void errors_data();
    void errors();
    void oneEntryPerInvalidParameter();
    void paging_data();
    void paging();
    void offsetAboveIntMax();
    void repeatedParametersLastWins();

    void toQueryStringExamples();
    void toQueryStringIsEncoded();
    void roundTrip_data();
    void roundTrip();
};

void tst_TaskQuery::parse_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QStringList>("items");

    const QString replacement(QChar::ReplacementCharacter);
    QTest::newRow("empty") << QByteArray() << QStringList();
    QTest::newRow("one pair") << QByteArray("a=1") << QStringList{u"a"_s, u"1"_s};
    QTest::newRow("two pairs") << QByteArray("a=1&b=2") << QStringList{u"a"_s, u"1"_s, u"b"_s, u"2"_s};
    QTest::newRow("plus is space") << QByteArray("q=write+docs") << QStringList{u"q"_s, u"write docs"_s};
    QTest::newRow("plus in a name") << QByteArray("a+b=c") << QStringList{u"a b"_s, u"c"_s};
    QTest::newRow("%2B is plus") << QByteArray("q=a%2Bb") << QStringList{u"q"_s, u"a+b"_s};
    QTest::newRow("%20 is space") << QByteArray("q=a%20b") << QStringList{u"q"_s, u"a b"_s};
    QTest::newRow("encoded name") << QByteArray("k%20ey=v") << QStringList{u"k ey"_s, u"v"_s};
    QTest::newRow("encoded & and =") << QByteArray("q=%26%3D") << QStringList{u"q"_s, u"&="_s};
    QTest::newRow("%25 is percent") << QByteArray("q=50%25") << QStringList{u"q"_s, u"50%"_s};
    QTest::newRow("UTF-8 e-acute") << QByteArray("q=caf%C3%A9") << QStringList{u"q"_s, u"caf\u00e9"_s};
    QTest::newRow("UTF-8 lower-case hex") << QByteArray("q=caf%c3%a9") << QStringList{u"q"_s, u"caf\u00e9"_s};
    QTest::newRow("UTF-8 euro") << QByteArray("q=%E2%82%AC") << QStringList{u"q"_s, u"\u20ac"_s};
    QTest::newRow("UTF-8 emoji") << QByteArray("q=%F0%9F%98%80") << QStringList{u"q"_s, u"\U0001F600"_s};
    QTest::newRow("raw UTF-8 bytes") << QByteArray("q=caf\xc3\xa9") << QStringList{u"q"_s, u"caf\u00e9"_s};
    // Invalid UTF-8 after decoding becomes U+FFFD, as Python's unquote(errors="replace").
    QTest::newRow("invalid UTF-8 byte") << QByteArray("q=%FF") << QStringList{u"q"_s, replacement};
    QTest::newRow("truncated UTF-8") << QByteArray("q=a%C3") << QStringList{u"q"_s, u"a"_s + replacement};
    // A % that does not start an escape stays as it is (Python's unquote).
    QTest::newRow("percent at the end") << QByteArray("q=100%") << QStringList{u"q"_s, u"100%"_s};
    QTest::newRow("percent and one digit") << QByteArray("q=%4") << QStringList{u"q"_s, u"%4"_s};
    QTest::newRow("percent and two non-hex") << QByteArray("q=%zz") << QStringList{u"q"_s, u"%zz"_s};
    QTest::newRow("percent and one non-hex") << QByteArray("q=%G1") << QStringList{u"q"_s, u"%G1"_s};
    QTest::newRow("percent before a space") << QByteArray("q=100%+off") << QStringList{u"q"_s, u"100% off"_s};
    QTest::newRow("key without =") << QByteArray("flag") << QStringList{u"flag"_s, QString()};
    QTest::newRow("keys without =") << QByteArray("a&b") << QStringList{u"a"_s, QString(), u"b"_s, QString()};
    QTest::newRow("empty value") << QByteArray("a=") << QStringList{u"a"_s, QString()};
    QTest::newRow("empty name") << QByteArray("=v") << QStringList{QString(), u"v"_s};
    QTest::newRow("empty pair &&") << QByteArray("a=1&&b=2") << QStringList{u"a"_s, u"1"_s, u"b"_s, u"2"_s};
    QTest::newRow("leading and trailing &") << QByteArray("&a=1&") << QStringList{u"a"_s, u"1"_s};
    QTest::newRow("only &") << QByteArray("&&&") << QStringList();
    QTest::newRow("= in the value") << QByteArray("a=b=c") << QStringList{u"a"_s, u"b=c"_s};
    QTest::newRow("repeated keys kept in order")
        << QByteArray("a=1&a=2") << QStringList{u"a"_s, u"1"_s, u"a"_s, u"2"_s};
    // Python 3.10+ parse_qsl splits on & only.
    QTest::newRow("semicolon is not a separator") << QByteArray("a=1;b=2") << QStringList{u"a"_s, u"1;b=2"_s};
}

void tst_TaskQuery::parse()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QStringList, items);

    QCOMPARE(flatten(QueryString::parse(encoded)), items);
}

void tst_TaskQuery::valueAndContains()
{
    const QueryString query = QueryString::parse("status=todo&flag&status=done&empty=&q=a+b");
    QVERIFY(query.contains(u"status"_s));
    QCOMPARE(query.value(u"status"_s), u"done"_s); // the last one, as FastAPI takes it
    QVERIFY(query.contains(u"flag"_s));
    QCOMPARE(query.value(u"flag"_s), QString());
    QVERIFY(query.contains(u"empty"_s));
    QCOMPARE(query.value(u"q"_s), u"a b"_s);
    QVERIFY(!query.contains(u"missing"_s));
    QVERIFY(query.value(u"missing"_s).isEmpty());
    QVERIFY(!query.contains(u"Status"_s)); // names are case-sensitive
    QVERIFY(!query.contains(u"stat"_s));
}

void tst_TaskQuery::sortKeyNames_data()
{
    QTest::addColumn<TaskSortKey>("key");
    QTest::addColumn<QString>("name");

    QTest::newRow("created_at") << TaskSortKey::CreatedAt << u"created_at"_s;
    QTest::newRow("updated_at") << TaskSortKey::UpdatedAt << u"updated_at"_s;
    QTest::newRow("due_date") << TaskSortKey::DueDate << u"due_date"_s;
    QTest::newRow("priority") << TaskSortKey::Priority << u"priority"_s;
    QTest::newRow("status") << TaskSortKey::Status << u"status"_s;
    QTest::newRow("title") << TaskSortKey::Title << u"title"_s;
}

void tst_TaskQuery::sortKeyNames()
{
    QFETCH(TaskSortKey, key);
    QFETCH(QString, name);

    QCOMPARE(toApi(key), name);
    QCOMPARE(sortKeyFromApi(name), std::optional(key));
    QCOMPARE(sortKeyFromApi(QString(u'-' + name)), std::optional<TaskSortKey>());
    QCOMPARE(sortKeyFromApi(name.toUpper()), std::optional<TaskSortKey>());
    QCOMPARE(sortKeyFromApi(QString()), std::optional<TaskSortKey>());
}

void tst_TaskQuery::defaults()
{
    for (const QByteArray &encoded : {QByteArray(), QByteArray("&"), QByteArray("unknown=1&foo")}) {
        const auto parsed = TaskQuery::fromQueryString(encoded);
        QVERIFY2(errorsOf(parsed).isEmpty(), qPrintable(describe(errorsOf(parsed))));
        const TaskQuery &q = parsed.value();
        QVERIFY(!q.status);
        QVERIFY(!q.priority);
        QVERIFY(!q.assignee);
        QVERIFY(!q.search);
        QCOMPARE(q.sortKey, TaskSortKey::CreatedAt); // API.md: created_at is the default
        QVERIFY(!q.descending);
        QVERIFY(!q.limit); // without limit, every match
        QVERIFY(!q.offset);
        QVERIFY(!q.isPaged());
    }
}

void tst_TaskQuery::filters_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<std::optional<TaskStatus>>("status");
    QTest::addColumn<std::optional<TaskPriority>>("priority");
    QTest::addColumn<std::optional<QString>>("assignee");
    QTest::addColumn<std::optional<QString>>("search");

    const std::optional<TaskStatus> noStatus;
    const std::optional<TaskPriority> noPriority;
    const std::optional<QString> none;
    QTest::newRow("status todo") << QByteArray("status=todo") << std::optional(TaskStatus::Todo)
                                 << noPriority << none << none;
    QTest::newRow("status in_progress") << QByteArray("status=in_progress")
                                        << std::optional(TaskStatus::InProgress) << noPriority << none << none;
    QTest::newRow("status done") << QByteArray("status=done") << std::optional(TaskStatus::Done)
                                 << noPriority << none << none;
    QTest::newRow("status percent-encoded") << QByteArray("status=in%5Fprogress")
                                            << std::optional(TaskStatus::InProgress) << noPriority << none << none;
    QTest::newRow("priority low") << QByteArray("priority=low") << noStatus
                                  << std::optional(TaskPriority::Low) << none << none;
    QTest::newRow("priority medium") << QByteArray("priority=medium") << noStatus
                                     << std::optional(TaskPriority::Medium) << none << none;
    QTest::newRow("priority high") << QByteArray("priority=high") << noStatus
                                   << std::optional(TaskPriority::High) << none << none;
    QTest::newRow("assignee") << QByteArray("assignee=bob") << noStatus << noPriority
                              << std::optional(u"bob"_s) << none;
    QTest::newRow("assignee exact, spaces kept") << QByteArray("assignee=+Bob+Smith+") << noStatus
                                                 << noPriority << std::optional(u" Bob Smith "_s) << none;
    QTest::newRow("assignee UTF-8") << QByteArray("assignee=Zo%C3%AB") << noStatus << noPriority
                                    << std::optional(u"Zo\u00eb"_s) << none;
    QTest::newRow("q with plus") << QByteArray("q=write+docs") << noStatus << noPriority << none
                                 << std::optional(u"write docs"_s);
    QTest::newRow("q with awkward characters") << QByteArray("q=a%26b%3Dc%2Bd%25") << noStatus
                                               << noPriority << none << std::optional(u"a&b=c+d%"_s);
    QTest::newRow("all filters")
        << QByteArray("status=done&priority=high&assignee=alice&q=report")
        << std::optional(TaskStatus::Done) << std::optional(TaskPriority::High)
        << std::optional(u"alice"_s) << std::optional(u"report"_s);
}

void tst_TaskQuery::filters()
{
    QFETCH(QByteArray, encoded);
    QFETCH(std::optional<TaskStatus>, status);
    QFETCH(std::optional<TaskPriority>, priority);
    QFETCH(std::optional<QString>, assignee);
    QFETCH(std::optional<QString>, search);

    const auto parsed = TaskQuery::fromQueryString(encoded);
    QVERIFY2(errorsOf(parsed).isEmpty(), qPrintable(describe(errorsOf(parsed))));
    QCOMPARE(parsed.value().status, status);
    QCOMPARE(parsed.value().priority, priority);
    QCOMPARE(parsed.value().assignee, assignee);
    QCOMPARE(parsed.value().search, search);
    QVERIFY(!parsed.value().isPaged());
}

void tst_TaskQuery::sort_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<TaskSortKey>("key");
    QTest::addColumn<bool>("descending");

    const QList<QPair<const char *, TaskSortKey>> keys{
        {"created_at", TaskSortKey::CreatedAt}, {"updated_at", TaskSortKey::UpdatedAt},
        {"due_date", TaskSortKey::DueDate},     {"priority", TaskSortKey::Priority},
        {"status", TaskSortKey::Status},        {"title", TaskSortKey::Title},
    };
    for (const auto &[name, key] : keys) {
        QTest::addRow("%s", name) << QByteArray("sort=" + QByteArray(name)) << key << false;
        QTest::addRow("-%s", name) << QByteArray("sort=-" + QByteArray(name)) << key << true;
    }
    QTest::newRow("-title percent-encoded") << QByteArray("sort=%2Dtitle") << TaskSortKey::Title << true;
}

void tst_TaskQuery::sort()
{
    QFETCH(QByteArray, encoded);
    QFETCH(TaskSortKey, key);
    QFETCH(bool, descending);

    const auto parsed = TaskQuery::fromQueryString(encoded);
    QVERIFY2(errorsOf(parsed).isEmpty(), qPrintable(describe(errorsOf(parsed))));
    QCOMPARE(parsed.value().sortKey, key);
    QCOMPARE(parsed.value().descending, descending);
}

void tst_TaskQuery::errors_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("type");

    QTest::newRow("status TODO") << QByteArray("status=TODO") << u"status"_s << u"enum"_s;
    QTest::newRow("status unknown") << QByteArray("status=blocked") << u"status"_s << u"enum"_s;
    QTest::newRow("status empty") << QByteArray("status=") << u"status"_s << u"enum"_s;
    QTest::newRow("status without =") << QByteArray("status") << u"status"_s << u"enum"_s;
    QTest::newRow("status with space") << QByteArray("status=done+") << u"status"_s << u"enum"_s;
    QTest::newRow("priority HIGH") << QByteArray("priority=HIGH") << u"priority"_s << u"enum"_s;
    QTest::newRow("priority unknown") << QByteArray("priority=urgent") << u"priority"_s << u"enum"_s;
    QTest::newRow("sort unknown") << QByteArray("sort=name") << u"sort"_s << u"literal_error"_s;
    QTest::newRow("sort dash only") << QByteArray("sort=-") << u"sort"_s << u"literal_error"_s;
    QTest::newRow("sort double dash") << QByteArray("sort=--title") << u"sort"_s << u"literal_error"_s;
    QTest::newRow("sort capitalised") << QByteArray("sort=Title") << u"sort"_s << u"literal_error"_s;
    QTest::newRow("sort plus prefix") << QByteArray("sort=%2Btitle") << u"sort"_s << u"literal_error"_s;
    QTest::newRow("sort + as space") << QByteArray("sort=+title") << u"sort"_s << u"literal_error"_s;
    QTest::newRow("sort trailing space") << QByteArray("sort=title%20") << u"sort"_s << u"literal_error"_s;
    QTest::newRow("sort empty") << QByteArray("sort=") << u"sort"_s << u"literal_error"_s;
    QTest::newRow("sort two keys") << QByteArray("sort=title,status") << u"sort"_s << u"literal_error"_s;
    QTest::newRow("limit 0") << QByteArray("limit=0") << u"limit"_s << u"greater_than_equal"_s;
    QTest::newRow("limit -1") << QByteArray("limit=-1") << u"limit"_s << u"greater_than_equal"_s;
    QTest::newRow("limit 1001") << QByteArray("limit=1001") << u"limit"_s << u"less_than_equal"_s;
    QTest::newRow("limit 99999999999") << QByteArray("limit=99999999999") << u"limit"_s << u"less_than_equal"_s;
    QTest::newRow("limit abc") << QByteArray("limit=abc") << u"limit"_s << u"int_parsing"_s;
    QTest::newRow("limit empty") << QByteArray("limit=") << u"limit"_s << u"int_parsing"_s;
    QTest::newRow("limit 1.5") << QByteArray("limit=1.5") << u"limit"_s << u"int_parsing"_s;
    QTest::newRow("limit 10abc") << QByteArray("limit=10abc") << u"limit"_s << u"int_parsing"_s;
    QTest::newRow("limit hex") << QByteArray("limit=0x10") << u"limit"_s << u"int_parsing"_s;
    QTest::newRow("offset -1") << QByteArray("offset=-1") << u"offset"_s << u"greater_than_equal"_s;
    QTest::newRow("offset abc") << QByteArray("offset=abc") << u"offset"_s << u"int_parsing"_s;
    QTest::newRow("offset empty") << QByteArray("offset=") << u"offset"_s << u"int_parsing"_s;
}

void tst_TaskQuery::errors()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QString, param);
    QFETCH(QString, type);

    const auto parsed = TaskQuery::fromQueryString(encoded);
    QCOMPARE(errorsOf(parsed).size(), 1);
    const ValidationError &error = parsed.error().first();
    QCOMPARE(error.loc, (QJsonArray{u"query"_s, param}));
    QCOMPARE(error.field(), param);
    QCOMPARE(error.type, type);
    QVERIFY(!error.msg.isEmpty());
}

void tst_TaskQuery::oneEntryPerInvalidParameter()
{
    const auto parsed =
        TaskQuery::fromQueryString("status=x&priority=y&sort=z&limit=0&offset=-1&assignee=ok&q=ok");
    QStringList params;
    for (const ValidationError &error : errorsOf(parsed)) {
        QCOMPARE(error.loc.size(), 2);
        QCOMPARE(error.loc.at(0).toString(), u"query"_s);
        QVERIFY(!error.msg.isEmpty());
        params.append(error.field());
    }
    params.sort();
    QCOMPARE(params, (QStringList{u"limit"_s, u"offset"_s, u"priority"_s, u"sort"_s, u"status"_s}));

    // The message of an enum error lists the choices, as pydantic does.
    const auto status = TaskQuery::fromQueryString("status=x");
    QCOMPARE(errorsOf(status).size(), 1);
    QCOMPARE(status.error()[0].msg, u"Input should be 'todo', 'in_progress' or 'done'"_s);
    const auto priority = TaskQuery::fromQueryString("priority=x");
    QCOMPARE(errorsOf(priority).size(), 1);
    QCOMPARE(priority.error()[0].msg, u"Input should be 'low', 'medium' or 'high'"_s);
}

void tst_TaskQuery::paging_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<std::optional<int>>("limit");
    QTest::addColumn<std::optional<int>>("offset");

    const std::optional<int> none;
    QTest::newRow("limit 1") << QByteArray("limit=1") << std::optional(1) << none;
    QTest::newRow("limit 1000") << QByteArray("limit=1000") << std::optional(1000) << none;
    QTest::newRow("limit 50") << QByteArray("limit=50") << std::optional(50) << none;
    QTest::newRow("offset 0") << QByteArray("offset=0") << none << std::optional(0);
    QTest::newRow("offset 5") << QByteArray("offset=5") << none << std::optional(5);
    QTest::newRow("limit and offset") << QByteArray("limit=10&offset=20") << std::optional(10)
                                      << std::optional(20);
    QTest::newRow("offset 2147483647") << QByteArray("offset=2147483647") << none
                                       << std::optional(2147483647);
}

void tst_TaskQuery::paging()
{
    QFETCH(QByteArray, encoded);
    QFETCH(std::optional<int>, limit);
    QFETCH(std::optional<int>, offset);

    const auto parsed = TaskQuery::fromQueryString(encoded);
    QVERIFY2(errorsOf(parsed).isEmpty(), qPrintable(describe(errorsOf(parsed))));
    QCOMPARE(parsed.value().limit, limit);
    QCOMPARE(parsed.value().offset, offset);
    QVERIFY(parsed.value().isPaged());
}

void tst_TaskQuery::offsetAboveIntMax()
{
    // API.md: offset >= 0 with no upper bound; FastAPI takes 99999999999 and answers an empty
    // page. Only "out-of-range values are a 422".
    const auto parsed = TaskQuery::fromQueryString("offset=99999999999");
    QVERIFY2(errorsOf(parsed).isEmpty(), qPrintable(describe(errorsOf(parsed))));
    if (errorsOf(parsed).isEmpty()) {
        QVERIFY(parsed.value().offset.has_value());
        QVERIFY(parsed.value().isPaged());
    }
}

void tst_TaskQuery::repeatedParametersLastWins()
{
    auto parsed = TaskQuery::fromQueryString("status=todo&status=done");
    QVERIFY(errorsOf(parsed).isEmpty());
    QCOMPARE(parsed.value().status, std::optional(TaskStatus::Done));

    parsed = TaskQuery::fromQueryString("status=bogus&status=todo");
    QVERIFY2(errorsOf(parsed).isEmpty(), qPrintable(describe(errorsOf(parsed))));
    QCOMPARE(parsed.value().status, std::optional(TaskStatus::Todo));

    parsed = TaskQuery::fromQueryString("limit=5&limit=abc");
    QCOMPARE(errorsOf(parsed).size(), 1);
    QCOMPARE(errorsOf(parsed)[0].type, u"int_parsing"_s);

    parsed = TaskQuery::fromQueryString("sort=title&sort=-due_date&q=a&q=b");
    QVERIFY(errorsOf(parsed).isEmpty());
    QCOMPARE(parsed.value().sortKey, TaskSortKey::DueDate);
    QVERIFY(parsed.value().descending);
    QCOMPARE(parsed.value().search, std::optional(u"b"_s));
}

void tst_TaskQuery::toQueryStringExamples()
{
    QCOMPARE(TaskQuery().toQueryString(), QByteArray());

    // The header's own example.
    TaskQuery q;
    q.status = TaskStatus::Todo;
    q.sortKey = TaskSortKey::UpdatedAt;
    q.descending = true;
    QCOMPARE(q.toQueryString(), QByteArray("status=todo&sort=-updated_at"));

    TaskQuery descendingDefault;
    descendingDefault.descending = true;
    QCOMPARE(descendingDefault.toQueryString(), QByteArray("sort=-created_at"));

    TaskQuery search;
    search.search = u"a b"_s;
    QCOMPARE(search.toQueryString(), QByteArray("q=a%20b"));
}

void tst_TaskQuery::toQueryStringIsEncoded()
{
    TaskQuery q;
    q.assignee = u"a&b=c d+e"_s;
    q.search = u"caf\u00e9 \U0001F600 #x ?y /z %"_s;
    q.priority = TaskPriority::High;
    q.limit = 10;
    q.offset = 0;
    const QByteArray encoded = q.toQueryString();
    for (const char c : encoded) {
        const auto byte = static_cast<unsigned char>(c);
        QVERIFY2(byte > 0x20 && byte < 0x7f, encoded.constData());
        QVERIFY2(c != '+' && c != '#' && c != '?', encoded.constData());
    }
    // Five parameters, so exactly four separators: no & leaks from a value.
    QCOMPARE(encoded.count('&'), 4);
    QCOMPARE(encoded.count('='), 5);
}

void tst_TaskQuery::roundTrip_data()
{
    QTest::addColumn<TaskQuery>("query");

    QTest::newRow("default") << TaskQuery();
    const QStringList awkward{
        u"a&b"_s,    u"a=b"_s,   u"a+b"_s,        u"a b"_s,        u" leading and trailing "_s,
        u"caf\u00e9"_s, u"\U0001F600"_s, u"100%"_s, u"%41"_s, u"a&b=c+d e%f"_s, u"#frag?x=1"_s,
        u"/path;x"_s, QString(u""_s), u"\u6f22\u5b57"_s,
    };
    for (qsizetype i = 0; i < awkward.size(); ++i) {
        TaskQuery a;
        a.assignee = awkward[i];
        QTest::addRow("assignee %lld", qlonglong(i)) << a;
        TaskQuery s;
        s.search = awkward[i];
        QTest::addRow("q %lld", qlonglong(i)) << s;
    }
    for (const TaskStatus status : allStatuses) {
        TaskQuery q;
        q.status = status;
        QTest::addRow("status %s", qPrintable(toApi(status))) << q;
    }
    for (const TaskPriority priority : allPriorities) {
        TaskQuery q;
        q.priority = priority;
        QTest::addRow("priority %s", qPrintable(toApi(priority))) << q;
    }
    for (const TaskSortKey key : {TaskSortKey::CreatedAt, TaskSortKey::UpdatedAt, TaskSortKey::DueDate,
                                  TaskSortKey::Priority, TaskSortKey::Status, TaskSortKey::Title}) {
        for (const bool descending : {false, true}) {
            TaskQuery q;
            q.sortKey = key;
            q.descending = descending;
            QTest::addRow("sort %s%s", descending ? "-" : "", qPrintable(toApi(key))) << q;
        }
    }
    TaskQuery all;
    all.status = TaskStatus::InProgress;
    all.priority = TaskPriority::Low;
    all.assignee = u"Zo\u00eb & co"_s;
    all.search = u"x+y=z"_s;
    all.sortKey = TaskSortKey::DueDate;
    all.descending = true;
    all.limit = 1000;
    all.offset = 0;
    QTest::newRow("everything") << all;
    TaskQuery paged;
    paged.limit = 1;
    paged.offset = 123456;
    QTest::newRow("paged") << paged;
}

void tst_TaskQuery::roundTrip()
{
    QFETCH(TaskQuery, query);

    const QByteArray encoded = query.toQueryString();
    const auto parsed = TaskQuery::fromQueryString(encoded);
    QVERIFY2(errorsOf(parsed).isEmpty(), qPrintable(describe(errorsOf(parsed))));
    const TaskQuery &back = parsed.value();
    QCOMPARE(back.status, query.status);
    QCOMPARE(back.priority, query.priority);
    QCOMPARE(back.assignee.has_value(), query.assignee.has_value());
    QCOMPARE(back.assignee.value_or(u"<none>"_s), query.assignee.value_or(u"<none>"_s));
    QCOMPARE(back.search.has_value(), query.search.has_value());
    QCOMPARE(back.search.value_or(u"<none>"_s), query.search.value_or(u"<none>"_s));
    QCOMPARE(back.sortKey, query.sortKey);
    QCOMPARE(back.descending, query.descending);
    QCOMPARE(back.limit, query.limit);
    QCOMPARE(back.offset, query.offset);
    QCOMPARE(back.toQueryString(), encoded);
}

QTEST_GUILESS_MAIN(tst_TaskQuery)
#include "tst_taskquery.moc"
