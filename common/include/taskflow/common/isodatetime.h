#pragma once

#include <taskflow/common/result.h>

#include <QDateTime>
#include <QString>

#include <optional>

namespace taskflow {

// ISO 8601 as the API speaks it, and the naive-UTC text the original backend stores.
namespace IsoDateTime {

// Accepts `YYYY-MM-DD`, optionally followed by `T` (or a space) and `HH:MM[:SS[.fraction]]`,
// optionally followed by `Z` or an offset `±HH:MM` / `±HHMM`. No offset means UTC. The value is
// in UTC; the error says why the text was refused.
Result<QDateTime> parse(QStringView text);

// `2026-12-01T10:00:00Z`, or `2026-12-01T10:00:00.250Z` when there are milliseconds.
QString toApi(const QDateTime &utc);

// `2026-12-01 10:00:00.250000`: the text form SQLAlchemy writes into SQLite, read back by
// the original backend and sorted correctly as text.
QString toDatabase(const QDateTime &utc);

// Reads what the database returns for a naive UTC timestamp: `YYYY-MM-DD HH:MM:SS[.ffffff]`
// (or with a `T`). Returns nullopt for text that is not such a timestamp.
std::optional<QDateTime> fromDatabase(QStringView text);

// The current time in UTC, truncated to the milliseconds QDateTime can hold.
QDateTime nowUtc();

} // namespace IsoDateTime
} // namespace taskflow
