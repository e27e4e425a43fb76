#include <taskflow/desktop/translations.h>

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace taskflow {

bool hasTranslation(const QLocale &locale)
{
    return locale.language() == QLocale::English
        || QFile::exists(u":/i18n/taskflow_%1.qm"_s.arg(QLocale::languageToCode(locale.language())));
}

QLocale installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(&app);
    // English for every language we have no translation of (and the C locale): its plural
    // forms say "1 task", "3 tasks" where the source strings say "task(s)".
    if (ours->load(locale, u"taskflow"_s, u"_"_s, u":/i18n"_s) || ours->load(u"taskflow_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
    return locale;
}

} // namespace taskflow
