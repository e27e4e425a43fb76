#include <taskflow/desktop/validationmessage.h>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace taskflow {

QString localizedMessage(const ValidationError &error)
{
    // lupdate files these under "taskflow", the namespace they are written in.
    const auto tr = [](const char *text, const char *disambiguation = nullptr, int n = -1) {
        return QCoreApplication::translate("taskflow", text, disambiguation, n);
    };
    const QString &type = error.type;
    if (type == u"missing"_s)
        return tr("This field is required.");
    if (type == u"string_too_short"_s)
        return tr("This field cannot be empty.");
    if (type == u"string_too_long"_s) {
        const int max = error.ctx.value(u"max_length"_s).toInt();
        return max > 0 ? tr("At most %n character(s).", nullptr, max) : tr("This text is too long.");
    }
    if (type == u"value_error"_s && error.field() == u"title"_s)
        return tr("The title cannot be only spaces.");
    if (type == u"enum"_s)
        return tr("Choose one of the values offered.");
    if (type.startsWith(u"datetime"_s))
        return tr("This is not a date the server understands.");
    if (type == u"string_type"_s || type == u"string_unicode"_s)
        return tr("This text contains characters the server cannot store.");
    QString message = error.msg;
    if (message.startsWith(u"Value error, "_s)) // pydantic's prefix for custom checks
        message = message.mid(13);
    return message;
}

} // namespace taskflow
