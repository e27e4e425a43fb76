#pragma once

#include <taskflow/common/result.h>
#include <taskflow/desktop/apierror.h>

#include <functional>

namespace taskflow {

// The outcome of one request: a value, or the ApiError that says why there is none.
template <typename T>
using ApiResult = Result<T, ApiError>;

template <typename T>
using ApiCallback = std::function<void(const ApiResult<T> &)>;

} // namespace taskflow
