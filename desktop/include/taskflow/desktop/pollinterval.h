#pragma once

#include <chrono>

namespace taskflow::PollInterval {

// How often the app asks the server for changes when the live stream is unavailable: the one
// place for the default and the range that Settings, its dialog and TaskStore all use.
inline constexpr std::chrono::seconds defaultValue{3};
inline constexpr std::chrono::seconds minimum{1};
inline constexpr std::chrono::seconds maximum{3600};

} // namespace taskflow::PollInterval
