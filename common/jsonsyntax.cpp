#include <taskflow/common/jsonsyntax.h>

namespace taskflow {

namespace {

class JsonSyntax
{
public:
    // Nesting deeper than this is refused, as Qt's parser refuses it.
    static constexpr int maxDepth = 1024;

    static bool isValid(const QByteArray &bytes)
    {
        JsonSyntax json(bytes);
        if (bytes.startsWith("\xef\xbb\xbf"))
            json.m_pos = 3;
        json.space();
        if (!json.value(0))
            return false;
        json.space();
        return json.m_pos == json.m_size;
    }

private:
    explicit JsonSyntax(const QByteArray &bytes)
        : m_data(reinterpret_cast<const unsigned char *>(bytes.constData())), m_size(bytes.size())
    {
    }

    static bool isHexDigit(int c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    int peek() const { return m_pos < m_size ? m_data[m_pos] : -1; }
    bool eat(char c)
    {
        if (peek() != static_cast<unsigned char>(c))
            return false;
        ++m_pos;
        return true;
    }
    bool word(const char *w)
    {
        const qsizetype start = m_pos;
        for (; *w; ++w) {
            if (!eat(*w)) {
                m_pos = start;
                return false;
            }
        }
        return true;
    }
    void space()
    {
        while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')
            ++m_pos;
    }
    bool digits()
    {
        const qsizetype start = m_pos;
        while (peek() >= '0' && peek() <= '9')
            ++m_pos;
        return m_pos > start;
    }
    bool number()
    {
        eat('-');
        if (!eat('0') && !(peek() >= '1' && peek() <= '9' && digits()))
            return false;
        if (eat('.') && !digits())
            return false;
        if (eat('e') || eat('E')) {
            if (!eat('+'))
                eat('-');
            if (!digits())
                return false;
        }
        return true;
    }
    // One UTF-8 sequence, well-formed (no overlong form, no surrogate, at most U+10FFFF).
    bool utf8()
    {
        const int c = peek();
        int more = 0;
        unsigned min = 0;
        unsigned code = 0;
        if (c < 0x80) {
            ++m_pos;
            return true;
        } else if (c >= 0xc2 && c <= 0xdf) {
            more = 1, min = 0x80, code = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            more = 2, min = 0x800, code = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            more = 3, min = 0x10000, code = c & 0x07;
        } else {
            return false;
        }
        ++m_pos;
        for (int i = 0; i < more; ++i) {
            const int next = peek();
            if (next < 0x80 || next > 0xbf)
                return false;
            code = (code << 6) | unsigned(next & 0x3f);
            ++m_pos;
        }
        return code >= min && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    }
    bool string()
    {
        if (!eat('"'))
            return false;
        for (;;) {
            const int c = peek();
            if (c < 0x20) // end of input or a raw control character
                return false;
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c == '\\') {
                ++m_pos;
                const int e = peek();
                ++m_pos;
                if (e == 'u') {
                    for (int i = 0; i < 4; ++i) {
                        if (!isHexDigit(peek()))
                            return false;
                        ++m_pos;
                    }
                } else if (!(e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n'
                             || e == 'r' || e == 't')) {
                    return false;
                }
                continue;
            }
            if (!utf8())
                return false;
        }
    }
    bool value(int depth)
    {
        if (depth > maxDepth)
            return false;
        const int c = peek();
        if (c == '{') {
            ++m_pos;
            space();
            if (eat('}'))
                return true;
            do {
                space();
                if (!string())
                    return false;
                space();
                if (!eat(':'))
                    return false;
                space();
                if (!value(depth + 1))
                    return false;
                space();
            } while (eat(','));
            return eat('}');
        }
        if (c == '[') {
            ++m_pos;
            space();
            if (eat(']'))
                return true;
            do {
                space();
                if (!value(depth + 1))
                    return false;
                space();
            } while (eat(','));
            return eat(']');
        }
        if (c == '"')
            return string();
        if (word("true") || word("false") || word("null"))
            return true;
        return number();
    }

    const unsigned char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};


} // namespace

bool isStrictJson(const QByteArray &bytes)
{
    return JsonSyntax::isValid(bytes);
}

} // namespace taskflow
