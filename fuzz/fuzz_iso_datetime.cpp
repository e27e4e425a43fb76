// Fuzz target: due_date and every other ISO 8601 text the API and the database hand over.
//
// Bytes (as UTF-8) -> IsoDateTime::parse. Beyond "no crash, no sanitizer report":
//  - exactly one of value / error is set; a value is a valid UTC QDateTime;
//  - toApi() of an accepted instant has the API's shape (YYYY-MM-DDTHH:MM:SS[.mmm]Z) and parses
//    back to the same instant (the server writes it, the desktop app reads it);
//  - toDatabase() of it has the stored shape (YYYY-MM-DD HH:MM:SS.ffffff) and fromDatabase()
//    reads back the same instant (the server writes the row, then reads it);
//  - fromDatabase() on the raw text never crashes and agrees with parse() on the trimmed text.
#include "fuzzcheck.h"

#include <taskflow/common/isodatetime.h>

#include <QRegularExpression>

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;
using namespace taskflow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString shown = fuzz::escaped(input);

    const auto result = IsoDateTime::parse(input);
    const auto fromDatabase = IsoDateTime::fromDatabase(input);
    FUZZ_CHECK(fromDatabase == IsoDateTime::parse(input.trimmed()).toOptional(), shown);
    if (!result) {
        FUZZ_CHECK(!result.error().isEmpty(), shown);
        return 0;
    }
    const QDateTime &value = result.value();
    FUZZ_CHECK(value.isValid() && value.timeSpec() == Qt::UTC, shown);

    // Instants the API cannot write back: reported finding "date-range".
    const int year = value.date().year();
    const char *finding = year < 1 || year > 9999 ? "date-range" : nullptr;

    static const QRegularExpression apiShape(
        u"\\A\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z\\z"_s);
    const QString api = IsoDateTime::toApi(value);
    FUZZ_CHECK_FINDING(finding, apiShape.match(api).hasMatch(), shown + u" -> "_s + api);
    const auto back = IsoDateTime::parse(api);
    FUZZ_CHECK_FINDING(finding, back && back.value() == value,
                       shown + u" -> "_s + api + u" -> "_s + (back ? QString() : back.error()));

    static const QRegularExpression databaseShape(
        u"\\A\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\z"_s);
    const QString stored = IsoDateTime::toDatabase(value);
    FUZZ_CHECK_FINDING(finding, databaseShape.match(stored).hasMatch(), shown + u" -> "_s + stored);
    const auto read = IsoDateTime::fromDatabase(stored);
    FUZZ_CHECK_FINDING(finding, read && *read == value, shown + u" -> "_s + stored);
    return 0;
}
