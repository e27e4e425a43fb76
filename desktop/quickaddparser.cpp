#include <taskflow/desktop/quickaddparser.h>

#include <taskflow/desktop/taskfiltermodel.h>

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace taskflow {

namespace {

std::optional<TaskPriority> priorityWord(const QString &word)
{
    const QString key = TaskFilterModel::searchKey(word);
    if (key == u"high"_s || key == u"h"_s || key == u"haute"_s || key == u"haut"_s
        || key == u"urgent"_s || key == u"urgente"_s)
        return TaskPriority::High;
    if (key == u"low"_s || key == u"l"_s || key == u"basse"_s || key == u"bas"_s)
        return TaskPriority::Low;
    if (key == u"medium"_s || key == u"m"_s || key == u"moyenne"_s || key == u"normal"_s
        || key == u"normale"_s)
        return TaskPriority::Medium;
    return std::nullopt;
}

// Days from `today` the word means, or nullopt when it is no date word.
std::optional<int> daysFor(const QString &word, const QDate &today)
{
    QString key = TaskFilterModel::searchKey(word);
    key.replace(u'’', u'\'');
    if (key == u"today"_s || key == u"aujourd'hui"_s || key == u"auj"_s)
        return 0;
    if (key == u"tomorrow"_s || key == u"tmrw"_s || key == u"demain"_s)
        return 1;
    static const QStringList english{u"monday"_s, u"tuesday"_s, u"wednesday"_s, u"thursday"_s,
                                     u"friday"_s, u"saturday"_s, u"sunday"_s};
    static const QStringList french{u"lundi"_s, u"mardi"_s, u"mercredi"_s, u"jeudi"_s,
                                    u"vendredi"_s, u"samedi"_s, u"dimanche"_s};
    int day = int(english.indexOf(key)) + 1;
    if (day == 0)
        day = int(french.indexOf(key)) + 1;
    if (day == 0)
        return std::nullopt;
    // The next such day, never today: "today" says that.
    const int ahead = (day - today.dayOfWeek() + 7) % 7;
    return ahead == 0 ? 7 : ahead;
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-';
}

} // namespace

QuickAdd QuickAdd::parse(const QString &text, const QDateTime &now)
{
    QuickAdd result;
    QStringList kept;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    // Only the last date word is the due date; an earlier one is part of the title.
    qsizetype dateWord = -1;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (daysFor(words[i], now.date()))
            dateWord = i;
    }
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words[i];
        if (word.size() > 1 && word.front() == u'\\') { // an escaped marker stays, without its "\"
            kept.append(word.mid(1));
            continue;
        }
        if (word.size() > 1 && word.front() == u'!') {
            if (const auto priority = priorityWord(word.mid(1))) {
                result.priority = priority;
                continue;
            }
        }
        if (word.size() > 1 && word.front() == u'@'
            && std::all_of(word.cbegin() + 1, word.cend(), isNameChar)) {
            result.assignee = word.mid(1);
            continue;
        }
        if (i == dateWord) {
            const QDate date = now.date().addDays(*daysFor(word, now.date()));
            result.dueDate = QDateTime(date, QTime(23, 59)).toUTC();
            continue;
        }
        kept.append(word);
    }
    result.title = kept.join(u' ');
    return result;
}

TaskChanges QuickAdd::toChanges() const
{
    TaskChanges changes;
    changes.title = title;
    if (priority)
        changes.priority = priority;
    if (assignee)
        changes.assignee = Nullable<QString>(assignee);
    if (dueDate)
        changes.dueDate = Nullable<QDateTime>(dueDate);
    return changes;
}

QString QuickAdd::describe() const
{
    // lupdate files these under "taskflow", the namespace they are written in.
    const auto tr = [](const char *text, const char *disambiguation = nullptr, int n = -1) {
        return QCoreApplication::translate("taskflow", text, disambiguation, n);
    };
    if (isEmpty())
        return tr("Type a title; add !high or !low, @name, and a day such as today, tomorrow or friday.");
    QStringList parts{u"“%1”"_s.arg(title)};
    if (dueDate)
        parts.append(tr("due %1").arg(QLocale().toString(dueDate->toLocalTime().date(), QLocale::ShortFormat)));
    if (priority)
        parts.append(tr("priority %1").arg(displayName(*priority)));
    if (assignee)
        parts.append(tr("for %1").arg(*assignee));
    return parts.join(u" · "_s);
}

} // namespace taskflow
