#pragma once

#include <taskflow/desktop/apierror.h>

#include <functional>

namespace taskflow {

// The outcome of one request: a value when `ok()`, an error otherwise.
template <typename T>
struct ApiResult
{
    T value{};
    ApiError error;

    bool ok() const { return !error.isError(); }
};

template <typename T>
using ApiCallback = std::function<void(const ApiResult<T> &)>;

} // namespace taskflow
