#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace taskflow {

// A strip above the task list saying that the server cannot be reached (or will not let the
// app in), with a Retry button, and a Settings button when the fix is there (the API token).
// It never takes focus or blocks the window; the app keeps working on what it already shows.
class ConnectionBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ConnectionBanner(QWidget *parent = nullptr);

    // `offerSettings`: what is wrong is set in the Settings dialog.
    void showProblem(const QString &message, const QString &hint, bool offerSettings = false);
    QString message() const;

signals:
    void retryRequested();
    void settingsRequested();

private:
    QLabel *m_message;
    QLabel *m_hint;
    QPushButton *m_retry;
    QPushButton *m_settings;
};

} // namespace taskflow
