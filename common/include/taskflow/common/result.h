#pragma once

#include <QString>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace taskflow {

// The error side of a Result, spelled at the return site: `return Failure(u"why"_s);`. It keeps
// a Result<QString, QString> unambiguous.
template <typename E>
struct Failure
{
    explicit Failure(E why) : error(std::move(why)) {}
    E error;
};
template <typename E>
Failure(E) -> Failure<E>;

// A value or the reason there is none: what every parser, loader and request in TaskFlow
// returns (std::expected is C++23). Result<void, E> carries only the reason.
template <typename T, typename E = QString>
class [[nodiscard]] Result
{
    using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

public:
    template <typename U = Stored, typename = std::enable_if_t<std::is_void_v<T>, U>>
    Result() : m_state(std::in_place_index<0>)
    {
    }
    template <typename U = Stored,
              typename = std::enable_if_t<!std::is_void_v<T> && std::is_convertible_v<U &&, Stored>>>
    Result(U &&value) : m_state(std::in_place_index<0>, std::forward<U>(value))
    {
    }
    template <typename F, typename = std::enable_if_t<std::is_convertible_v<F, E>>>
    Result(Failure<F> failure) : m_state(std::in_place_index<1>, std::move(failure.error))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Only when ok().
    template <typename U = Stored, typename = std::enable_if_t<!std::is_void_v<T>, U>>
    const U &value() const & { return std::get<0>(m_state); }
    template <typename U = Stored, typename = std::enable_if_t<!std::is_void_v<T>, U>>
    U &value() & { return std::get<0>(m_state); }
    template <typename U = Stored, typename = std::enable_if_t<!std::is_void_v<T>, U>>
    U &&value() && { return std::get<0>(std::move(m_state)); }
    template <typename U = Stored, typename = std::enable_if_t<!std::is_void_v<T>, U>>
    const U *operator->() const { return &std::get<0>(m_state); }
    template <typename U = Stored, typename = std::enable_if_t<!std::is_void_v<T>, U>>
    U *operator->() { return &std::get<0>(m_state); }
    template <typename U = Stored, typename = std::enable_if_t<!std::is_void_v<T>, U>>
    const U &operator*() const & { return std::get<0>(m_state); }

    // The value, or nullopt when there is none (the reason is dropped).
    template <typename U = Stored, typename = std::enable_if_t<!std::is_void_v<T>, U>>
    std::optional<U> toOptional() const
    {
        return ok() ? std::optional<U>(std::get<0>(m_state)) : std::nullopt;
    }

    // Only when !ok().
    const E &error() const { return std::get<1>(m_state); }

private:
    std::variant<Stored, E> m_state;
};

} // namespace taskflow
