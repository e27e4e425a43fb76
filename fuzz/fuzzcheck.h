// Shared by the fuzz targets: a check that aborts (libFuzzer keeps the input as a crash) and
// prints what went wrong, and the switch that lets a run skip findings not fixed yet.
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <cstdio>
#include <cstdlib>

namespace taskflow::fuzz {

// TASKFLOW_FUZZ_KNOWN=id,id,... skips the checks of those known findings (docs/FUZZING.md), so
// a long run can look past a bug that is reported but not fixed yet. Empty by default: every
// check is on.
inline bool tolerated(const char *id)
{
    if (!id)
        return false;
    static const QByteArrayList known = qgetenv("TASKFLOW_FUZZ_KNOWN").split(',');
    return known.contains(QByteArray(id));
}

// Text for a report: printable ASCII as is, everything else as \uXXXX.
inline QString escaped(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'\\')
            out += c;
        else
            out += QString::asprintf("\\u%04x", unsigned(c.unicode()));
    }
    return out;
}

[[noreturn]] inline void fail(const char *file, int line, const char *id, const char *what,
                              const QString &detail)
{
    std::fprintf(stderr, "\n==TASKFLOW FUZZ CHECK FAILED== %s:%d%s%s%s\n  check: %s\n  %s\n",
                 file, line, id ? " [finding " : "", id ? id : "", id ? "]" : "", what,
                 detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

} // namespace taskflow::fuzz

// An invariant of the code under test. `detail` is a QString shown when it does not hold.
#define FUZZ_CHECK(cond, detail)                                                               \
    do {                                                                                       \
        if (!(cond))                                                                           \
            ::taskflow::fuzz::fail(__FILE__, __LINE__, nullptr, #cond, (detail));              \
    } while (false)

// The same for an invariant a reported finding breaks: `id` names the finding the input shows
// (nullptr when it shows none, and then the check is as strict as FUZZ_CHECK);
// TASKFLOW_FUZZ_KNOWN=<id> skips it.
#define FUZZ_CHECK_FINDING(id, cond, detail)                                                   \
    do {                                                                                       \
        if (!(cond) && !::taskflow::fuzz::tolerated(id))                                       \
            ::taskflow::fuzz::fail(__FILE__, __LINE__, id, #cond, (detail));                   \
    } while (false)
