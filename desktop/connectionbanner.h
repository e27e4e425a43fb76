#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace taskflow {

// A strip above the task list saying that the server cannot be reached, with a Retry button.
// It never takes focus or blocks the window; the app keeps working on what it already shows.
class ConnectionBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ConnectionBanner(QWidget *parent = nullptr);

    void showProblem(const QString &message, const QString &hint);
    QString message() const;

signals:
    void retryRequested();

private:
    QLabel *m_message;
    QLabel *m_hint;
    QPushButton *m_retry;
};

} // namespace taskflow
