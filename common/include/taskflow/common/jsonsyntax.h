#pragma once

#include <QByteArray>

namespace taskflow {

// Whether bytes are JSON by RFC 8259, strictly, as Python's json.loads (FastAPI's parser) reads
// UTF-8: no raw control character in a string, only the eight escapes and \uXXXX, numbers as
// the grammar says, well-formed UTF-8 (a leading BOM is allowed). Qt's parser is more lenient
// (it takes a raw tab in a string, "\x", ".5"); bodies it would take but FastAPI refuses must
// be refused here too.
bool isStrictJson(const QByteArray &bytes);

} // namespace taskflow
