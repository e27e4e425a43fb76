#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>

namespace taskflow {

// The value of `all` that `name` spells `value`: reading a name back through the one function
// that writes it keeps the two spellings from drifting apart.
template <typename Enum, std::size_t N>
std::optional<Enum> enumFromName(QStringView value, const std::array<Enum, N> &all,
                                 QString (*name)(Enum))
{
    for (const Enum candidate : all) {
        if (name(candidate) == value)
            return candidate;
    }
    return std::nullopt;
}

} // namespace taskflow
