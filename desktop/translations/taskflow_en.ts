<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>main</name>
    <message>
        <source> (reworded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (mine)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow</name>
    <message>
        <source>To do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>At most %n character.</numerusform>
            <numerusform>At most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title cannot be only spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the values offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a date the server understands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This text contains characters the server cannot store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::ApiError</name>
    <message>
        <source>Cannot reach the server at %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task no longer exists on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the task since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server is busy; trying again in %n second(s).</source>
        <translation>
            <numerusform>The server is busy; trying again in %n second.</numerusform>
            <numerusform>The server is busy; trying again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the API token: check it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server needs an API token: set it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an unexpected answer: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 sends requests on to %2, where the API token does not go. If the server has moved, enter its new address in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::BadgeDelegate</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::ConflictDialog</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed Elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1” was deleted by someone else&lt;/b&gt; while you changed it. Restore it with your changes, or let it go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore with My Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Let It Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Yours&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Yours&lt;/b&gt; (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;On the server now&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: yours, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: on the server, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1” was changed by someone else&lt;/b&gt; after you chose to delete it. Delete it anyway, or keep their version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Their Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1” was changed by someone else&lt;/b&gt; since you opened it. Choose, field by field, what to keep: where only one side changed, that side is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::ConnectionBanner</name>
    <message>
        <source>&amp;Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::DashboardWidget</name>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (to do or in progress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks by priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks by status (none yet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::FilterBar</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles and descriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignores case and accents. Escape clears, Down goes to the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::MainWindow</name>
    <message>
        <source>&amp;Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the tasks from the server now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts of the tasks by status and priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server, language, look and reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About TaskFlow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close TaskFlow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show TaskFlow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talking to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) shown</source>
        <translation>
            <numerusform>%n task shown</numerusform>
            <numerusform>%n tasks shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected again to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TaskFlow keeps running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders keep coming. Quit from this icon&apos;s menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 · live</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 · checking every %n s</source>
        <translation>
            <numerusform>Connected to %1 · checking every %n s</numerusform>
            <numerusform>Connected to %1 · checking every %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>No access to %1 (API token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet</source>
        <translation>
            <numerusform>%n change not sent yet</numerusform>
            <numerusform>%n changes not sent yet</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the tasks as they were last received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s administrator can give you a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing the tasks as they were last received; you can keep working. Trying again every %n s.</source>
        <translation>
            <numerusform>Showing the tasks as they were last received; you can keep working. Trying again every %n s.</numerusform>
            <numerusform>Showing the tasks as they were last received; you can keep working. Trying again every %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Is the server running? Check the address in Settings. Trying again every %n s.</source>
        <translation>
            <numerusform>Is the server running? Check the address in Settings. Trying again every %n s.</numerusform>
            <numerusform>Is the server running? Check the address in Settings. Trying again every %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) will be sent when it is back.</source>
        <translation>
            <numerusform>%n change will be sent when it is back.</numerusform>
            <numerusform>%n changes will be sent when it is back.</numerusform>
        </translation>
    </message>
    <message>
        <source>About TaskFlow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;TaskFlow %1&lt;/h3&gt;&lt;p&gt;Your tasks, in a fast native window.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1&lt;br&gt;Built with Qt %2, running on Qt %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::QuickAdd</name>
    <message>
        <source>Type a title; add !high or !low, @name, and a day such as today, tomorrow or friday.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::Reminders</name>
    <message>
        <source>TaskFlow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>TaskFlow: %n task(s) overdue</source>
        <translation>
            <numerusform>TaskFlow: %n task overdue</numerusform>
            <numerusform>TaskFlow: %n tasks overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is due now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tasks are due now, among them “%1”.</source>
        <translation>
            <numerusform>%n task is due now, among them “%1”.</numerusform>
            <numerusform>%n tasks are due now, among them “%1”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Task due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::ServerSession</name>
    <message>
        <source>Could not read the API token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token is used until TaskFlow quits, but was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::SettingsDialog</name>
    <message>
        <source>&amp;Keep TaskFlow in the system tray when the window closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remind me when a task falls due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if the server requires one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s API token, sent as &quot;Authorization: Bearer …&quot; and kept in your system&apos;s credential store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check for changes every (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the list asks the server for changes made elsewhere, when the server cannot send them as they happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect the next time TaskFlow starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the server for its health, and whether it takes the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check for changes every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;ook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address, e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token is letters, digits and punctuation, without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the token stored for this server …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1/health …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token needed: the server answers without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token refused: the server does not know this token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server needs a token: enter it above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::StatsBar</name>
    <message>
        <source>Shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks matching the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every task on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due before now and not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::TaskDialog</name>
    <message>
        <source>New Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What needs to be done?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details, links, acceptance criteria (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the task a due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In your local time (%1); the server stores UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local time, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw away what you typed in this task?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this task while you have it open (now: “%1”, %2). If you save, you choose what to keep, field by field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else deleted this task while you have it open. If you save, you can restore it with your changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 · last changed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters too many</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::TaskListPage</name>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a task in the quick-add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected tasks as done, or to do again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a task: “Call Ann tomorrow !high @ann”, then Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title, optionally with !high or !low, @name and a day such as today or friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return adds: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Tasks…</source>
        <translation>
            <numerusform>&amp;Delete %n Task…</numerusform>
            <numerusform>&amp;Delete %n Tasks…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n task(s)</source>
        <translation>
            <numerusform>%1: %n task</numerusform>
            <numerusform>%1: %n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading tasks …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tasks appear here once the server accepts the API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tasks appear here as soon as the server answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task matches the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tasks yet.
Type one in the line above, or press %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 here; it goes to the server when it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>Set the priority of %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is deleted for everyone. Edit ▸ Undo (%1) brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::TaskTableModel</name>
    <message>
        <source>Done (uncheck to reopen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done (check to complete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue, due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  · not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed here; sent to the server as soon as it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: was due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed %1
Created %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date in your local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskflow::TokenStore</name>
    <message>
        <source>no Secret Service or KWallet answered on the session bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chosen by the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credential store is available (%1), so the API token is kept unencrypted in the settings file %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential store is not used (%1), so the API token is kept unencrypted in the settings file %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential store did not give the API token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential store did not save the API token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential store did not delete the API token: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
