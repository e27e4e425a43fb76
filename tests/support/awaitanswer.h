#pragma once

#include <QObject>
#include <QTest>

#include <optional>
#include <utility>

// Runs one asynchronous call of the form `call(context, callback)` and waits, on the event loop
// and with a deadline (never a sleep), for the answer it gives the callback. Empty when none
// came in time. The context dies on return, so an answer that comes too late goes nowhere.
template <typename Answer, typename Call>
std::optional<Answer> awaitAnswer(Call &&call, int timeoutMs)
{
    QObject context;
    std::optional<Answer> answer;
    std::forward<Call>(call)(&context, [&answer](const Answer &given) { answer = given; });
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, timeoutMs);
    return answer;
}
