#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace taskflow {

// How search compares text: without case and without accents, so that "reunion" finds
// "Réunion équipe" (API.md, `q`). One table of foldings, used three ways so that they agree
// exactly: by the server on a search string, by the database on the stored text (the triggers of
// migration 3, built from this table), and by the desktop app filtering what it shows. It covers
// the Latin, Greek and Cyrillic letters; characters outside it are compared as they are.
namespace TextFold {

// Each character that folds, with what it folds to ("É" → "e", "Œ" → "oe", "ẞ" → "ss").
const QList<QPair<QChar, QString>> &table();

// `text` with every character of the table replaced by its folding.
QString fold(QStringView text);

} // namespace TextFold

} // namespace taskflow
