# Compiler warnings and Qt API hygiene for our own targets; Qt's headers are system headers and
# stay quiet. TASKFLOW_WERROR (dev, sanitize and fuzz presets, scripts/test.sh, CI) turns every
# warning into an error; users building a release get the warnings only.
#
# Qt deprecations. This is the one place that knows how Qt versions name their deprecation
# macros; the code itself uses only APIs that exist and are not deprecated on every Qt from 6.4
# to the newest 6.x.
# - APIs deprecated up to Qt 6.8 are hidden, so using one is a compile error on every Qt, for
#   users too. Qt 6.5 and later read QT_DISABLE_DEPRECATED_UP_TO; Qt 6.4 reads only the older
#   name QT_DISABLE_DEPRECATED_BEFORE (6.5+ fall back to it as well). On 6.4 the value hides
#   what 6.4 had deprecated, which is all it knows of.
# - Every later deprecation is a warning: QT_WARN_DEPRECATED_UP_TO (6.5+) and its 6.4 name
#   QT_DEPRECATED_WARNINGS_SINCE at 7.0 warn about all of them, whatever version they name.
#   So a newer Qt that deprecates something we use shows it at once (an error with
#   TASKFLOW_WERROR), without breaking a user's build. Qt 6.8's own headers mark the
#   Qt::TimeSpec constructors of QDateTime "6.9" and QDateTimeEdit::setTimeSpec "6.10": they
#   warn on 6.8 through this setting, and the code avoids them.
# When the oldest supported Qt moves past 6.8, raise TASKFLOW_QT_DEPRECATED_UP_TO with it.
set(TASKFLOW_QT_DEPRECATED_UP_TO 0x060800)

function(taskflow_set_warnings target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
        if(TASKFLOW_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
            -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
        if(TASKFLOW_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
        if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
            # qCInfo(category) << ... leaves the variadic part of Qt's macro empty: clang 14
            # (Debian 12) files that under gnu-zero-variadic-macro-arguments, clang 19 (Debian
            # 13) under c++20-extensions, which has no narrower switch there.
            target_compile_options(${target} PRIVATE -Wno-gnu-zero-variadic-macro-arguments
                -Wno-c++20-extensions)
        endif()
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
        QT_DISABLE_DEPRECATED_UP_TO=${TASKFLOW_QT_DEPRECATED_UP_TO}
        QT_DISABLE_DEPRECATED_BEFORE=${TASKFLOW_QT_DEPRECATED_UP_TO}
        QT_WARN_DEPRECATED_UP_TO=0x070000
        QT_DEPRECATED_WARNINGS_SINCE=0x070000)
    if(TASKFLOW_FUZZ)
        # Coverage for libFuzzer plus ASan and UBSan, every report fatal (a crash to libFuzzer);
        # QT_FORCE_ASSERTS keeps Q_ASSERT in Qt's inline code whatever the build type.
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
            -fno-omit-frame-pointer -fno-sanitize-recover=all -g)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
        target_compile_definitions(${target} PRIVATE QT_FORCE_ASSERTS)
    elseif(TASKFLOW_SANITIZE AND NOT MSVC)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()
