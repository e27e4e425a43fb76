# Warnings are errors in our own code; Qt's headers are system headers and stay quiet.
function(taskflow_set_warnings target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /WX /permissive- /utf-8)
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror
            -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
        if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
            # qCInfo(category) << ... leaves the variadic part of Qt's macro empty.
            target_compile_options(${target} PRIVATE -Wno-gnu-zero-variadic-macro-arguments)
        endif()
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
        QT_DISABLE_DEPRECATED_BEFORE=0x060400)
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
