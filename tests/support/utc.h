#pragma once

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

// A moment written as the tests read it: utc(2026, 12, 1, 10) is 2026-12-01T10:00:00Z.
inline QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0,
                     int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), QTimeZone::utc());
}
