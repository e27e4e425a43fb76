#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace taskflow {

// Loads the app's translation (compiled in by qt_add_translations, under :/i18n) and Qt's own
// for `language` ("fr", "en"), or for the system's language when empty, and makes that locale
// the default so dates and numbers follow it. Answers the locale in use.
QLocale installTranslations(QCoreApplication &app, const QString &language);

// Whether the app has a translation for `locale` compiled in (English needs none).
bool hasTranslation(const QLocale &locale);

} // namespace taskflow
