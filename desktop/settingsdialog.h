#pragma once

#include <QDialog>
#include <QUrl>

#include <chrono>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace taskflow {

// The connection settings: server URL and refresh interval. "Test connection" asks whoever
// owns the network (testConnectionRequested) and shows the answer it is given back.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void setServerUrl(const QUrl &url);
    // The URL typed, or an invalid QUrl when it is not an http(s) address.
    QUrl serverUrl() const;
    void setRefreshInterval(std::chrono::seconds interval);
    std::chrono::seconds refreshInterval() const;

    void showConnectionResult(bool ok, const QString &text);

signals:
    void testConnectionRequested(const QUrl &url);

private:
    void validateUrl();
    void testConnection();

    QLineEdit *m_url;
    QLabel *m_urlError;
    QSpinBox *m_interval;
    QPushButton *m_test;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
};

} // namespace taskflow
