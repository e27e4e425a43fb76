<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>main</name>
    <message>
        <source> (reworded)</source>
        <translation> (reformulé)</translation>
    </message>
    <message>
        <source> (mine)</source>
        <translation> (ma version)</translation>
    </message>
</context>
<context>
    <name>taskflow</name>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>en bonne santé</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>en panne</translation>
    </message>
    <message>
        <source>database %1</source>
        <translation>base de données %1</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connectée</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Toutes les tâches</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non attribuées</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Non terminées</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <source>This field cannot be empty.</source>
        <translation>Ce champ ne peut pas être vide.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>%n caractère au maximum.</numerusform>
            <numerusform>%n caractères au maximum.</numerusform>
        </translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>Ce texte est trop long.</translation>
    </message>
    <message>
        <source>The title cannot be only spaces.</source>
        <translation>Le titre ne peut pas être composé uniquement d’espaces.</translation>
    </message>
    <message>
        <source>Choose one of the values offered.</source>
        <translation>Choisissez l’une des valeurs proposées.</translation>
    </message>
    <message>
        <source>This is not a date the server understands.</source>
        <translation>Le serveur ne comprend pas cette date.</translation>
    </message>
    <message>
        <source>This text contains characters the server cannot store.</source>
        <translation>Ce texte contient des caractères que le serveur ne peut pas enregistrer.</translation>
    </message>
</context>
<context>
    <name>taskflow::ApiError</name>
    <message>
        <source>Cannot reach the server at %1 (%2).</source>
        <translation>Impossible de joindre le serveur %1 (%2).</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>Le serveur %1 n’a pas répondu dans les %2 secondes.</translation>
    </message>
    <message>
        <source>The task no longer exists on the server.</source>
        <translation>La tâche n’existe plus sur le serveur.</translation>
    </message>
    <message>
        <source>The server refused the request as invalid.</source>
        <translation>Le serveur a refusé la demande comme invalide.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Le serveur a refusé la demande : %1</translation>
    </message>
    <message>
        <source>Someone else changed the task since you opened it.</source>
        <translation>Quelqu’un d’autre a modifié la tâche depuis que vous l’avez ouverte.</translation>
    </message>
    <message numerus="yes">
        <source>The server is busy; trying again in %n second(s).</source>
        <translation>
            <numerusform>Le serveur est occupé ; nouvel essai dans %n seconde.</numerusform>
            <numerusform>Le serveur est occupé ; nouvel essai dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Le serveur a répondu avec le statut HTTP %1.</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1: %2.</source>
        <translation>Le serveur a répondu avec le statut HTTP %1 : %2.</translation>
    </message>
    <message>
        <source>The server refused the API token: check it in Settings.</source>
        <translation>Le serveur a refusé le jeton d’API : vérifiez-le dans les Paramètres.</translation>
    </message>
    <message>
        <source>The server needs an API token: set it in Settings.</source>
        <translation>Le serveur demande un jeton d’API : indiquez-le dans les Paramètres.</translation>
    </message>
    <message>
        <source>The server sent an unexpected answer: %1.</source>
        <translation>Le serveur a envoyé une réponse inattendue : %1.</translation>
    </message>
    <message>
        <source>The server at %1 sends requests on to %2, where the API token does not go. If the server has moved, enter its new address in Settings.</source>
        <translation>Le serveur %1 renvoie les demandes vers %2, où le jeton d’API n’est pas transmis. Si le serveur a déménagé, indiquez sa nouvelle adresse dans les Paramètres.</translation>
    </message>
</context>
<context>
    <name>taskflow::BadgeDelegate</name>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
</context>
<context>
    <name>taskflow::ConflictDialog</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Changed Elsewhere</source>
        <translation>Modifiée ailleurs</translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1” was deleted by someone else&lt;/b&gt; while you changed it. Restore it with your changes, or let it go?</source>
        <translation>&lt;b&gt;« %1 » a été supprimée par quelqu’un d’autre&lt;/b&gt; pendant que vous la modifiiez. La rétablir avec vos modifications, ou y renoncer ?</translation>
    </message>
    <message>
        <source>&amp;Restore with My Changes</source>
        <translation>&amp;Rétablir avec mes modifications</translation>
    </message>
    <message>
        <source>&amp;Let It Go</source>
        <translation>&amp;Y renoncer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Yours&lt;/b&gt;</source>
        <translation>&lt;b&gt;Votre version&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Yours&lt;/b&gt; (deleted)</source>
        <translation>&lt;b&gt;Votre version&lt;/b&gt; (supprimée)</translation>
    </message>
    <message>
        <source>&lt;b&gt;On the server now&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sur le serveur maintenant&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;Champ&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1: yours, %2</source>
        <translation>%1 : votre version, %2</translation>
    </message>
    <message>
        <source>%1: on the server, %2</source>
        <translation>%1 : sur le serveur, %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1” was changed by someone else&lt;/b&gt; after you chose to delete it. Delete it anyway, or keep their version?</source>
        <translation>&lt;b&gt;« %1 » a été modifiée par quelqu’un d’autre&lt;/b&gt; après que vous avez choisi de la supprimer. La supprimer quand même, ou garder leur version ?</translation>
    </message>
    <message>
        <source>&amp;Delete Anyway</source>
        <translation>&amp;Supprimer quand même</translation>
    </message>
    <message>
        <source>&amp;Keep Their Version</source>
        <translation>&amp;Garder leur version</translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1” was changed by someone else&lt;/b&gt; since you opened it. Choose, field by field, what to keep: where only one side changed, that side is chosen.</source>
        <translation>&lt;b&gt;« %1 » a été modifiée par quelqu’un d’autre&lt;/b&gt; depuis que vous l’avez ouverte. Choisissez, champ par champ, ce qu’il faut garder : là où un seul côté a changé, ce côté est déjà choisi.</translation>
    </message>
    <message>
        <source>&amp;Save Choices</source>
        <translation>&amp;Enregistrer ces choix</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>Prendre la &amp;leur</translation>
    </message>
</context>
<context>
    <name>taskflow::ConnectionBanner</name>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Problème de connexion</translation>
    </message>
</context>
<context>
    <name>taskflow::DashboardWidget</name>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Open (to do or in progress)</source>
        <translation>Ouvertes (à faire ou en cours)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Tasks by status</source>
        <translation>Tâches par statut</translation>
    </message>
    <message>
        <source>Tasks by priority</source>
        <translation>Tâches par priorité</translation>
    </message>
    <message>
        <source>Tasks by status (none yet)</source>
        <translation>Tâches par statut (aucune pour l’instant)</translation>
    </message>
</context>
<context>
    <name>taskflow::FilterBar</name>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre de statut</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>Toutes les priorités</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>Filtre de priorité</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Assignee filter</source>
        <translation>Filtre de responsable</translation>
    </message>
    <message>
        <source>Search titles and descriptions</source>
        <translation>Rechercher dans les titres et les descriptions</translation>
    </message>
    <message>
        <source>Ignores case and accents. Escape clears, Down goes to the results.</source>
        <translation>Sans tenir compte des majuscules ni des accents. Échap efface, Bas mène aux résultats.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
</context>
<context>
    <name>taskflow::MainWindow</name>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Tâches</translation>
    </message>
    <message>
        <source>D&amp;ashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <source>Load the tasks from the server now</source>
        <translation>Charger les tâches depuis le serveur maintenant</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Tableau de &amp;bord</translation>
    </message>
    <message>
        <source>Charts of the tasks by status and priority</source>
        <translation>Graphiques des tâches par statut et par priorité</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Server, language, look and reminders</source>
        <translation>Serveur, langue, apparence et rappels</translation>
    </message>
    <message>
        <source>&amp;About TaskFlow</source>
        <translation>À &amp;propos de TaskFlow</translation>
    </message>
    <message>
        <source>Version and credits</source>
        <translation>Version et remerciements</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close TaskFlow</source>
        <translation>Fermer TaskFlow</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Show TaskFlow</source>
        <translation>&amp;Afficher TaskFlow</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Talking to the server</source>
        <translation>Échange avec le serveur</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) shown</source>
        <translation>
            <numerusform>%n tâche affichée</numerusform>
            <numerusform>%n tâches affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected again to %1</source>
        <translation>De nouveau connecté à %1</translation>
    </message>
    <message>
        <source>TaskFlow keeps running</source>
        <translation>TaskFlow reste ouvert</translation>
    </message>
    <message>
        <source>Reminders keep coming. Quit from this icon&apos;s menu.</source>
        <translation>Les rappels continuent. Quittez depuis le menu de cette icône.</translation>
    </message>
    <message>
        <source>Connected to %1 · live</source>
        <translation>Connecté à %1 · en direct</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 · checking every %n s</source>
        <translation>
            <numerusform>Connecté à %1 · vérification toutes les %n s</numerusform>
            <numerusform>Connecté à %1 · vérification toutes les %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>No access to %1 (API token)</source>
        <translation>Pas d’accès à %1 (jeton d’API)</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Hors ligne : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet</source>
        <translation>
            <numerusform>%n modification pas encore envoyée</numerusform>
            <numerusform>%n modifications pas encore envoyées</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the tasks as they were last received.</source>
        <translation>Les tâches sont affichées telles qu’elles ont été reçues la dernière fois.</translation>
    </message>
    <message>
        <source>The server&apos;s administrator can give you a token.</source>
        <translation>L’administrateur du serveur peut vous donner un jeton.</translation>
    </message>
    <message numerus="yes">
        <source>Showing the tasks as they were last received; you can keep working. Trying again every %n s.</source>
        <translation>
            <numerusform>Les tâches sont affichées telles qu’elles ont été reçues la dernière fois ; vous pouvez continuer à travailler. Nouvel essai toutes les %n s.</numerusform>
            <numerusform>Les tâches sont affichées telles qu’elles ont été reçues la dernière fois ; vous pouvez continuer à travailler. Nouvel essai toutes les %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Is the server running? Check the address in Settings. Trying again every %n s.</source>
        <translation>
            <numerusform>Le serveur est-il démarré ? Vérifiez l’adresse dans les Paramètres. Nouvel essai toutes les %n s.</numerusform>
            <numerusform>Le serveur est-il démarré ? Vérifiez l’adresse dans les Paramètres. Nouvel essai toutes les %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) will be sent when it is back.</source>
        <translation>
            <numerusform>%n modification sera envoyée à son retour.</numerusform>
            <numerusform>%n modifications seront envoyées à son retour.</numerusform>
        </translation>
    </message>
    <message>
        <source>About TaskFlow</source>
        <translation>À propos de TaskFlow</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TaskFlow %1&lt;/h3&gt;&lt;p&gt;Your tasks, in a fast native window.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TaskFlow %1&lt;/h3&gt;&lt;p&gt;Vos tâches, dans une fenêtre native et rapide.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Server: %1&lt;br&gt;Built with Qt %2, running on Qt %3.</source>
        <translation>Serveur : %1&lt;br&gt;Compilé avec Qt %2, exécuté avec Qt %3.</translation>
    </message>
</context>
<context>
    <name>taskflow::QuickAdd</name>
    <message>
        <source>Type a title; add !high or !low, @name, and a day such as today, tomorrow or friday.</source>
        <translation>Tapez un titre ; ajoutez !haute ou !basse, @nom et un jour comme aujourd’hui, demain ou vendredi.</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>échéance %1</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>priorité %1</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>pour %1</translation>
    </message>
</context>
<context>
    <name>taskflow::Reminders</name>
    <message>
        <source>TaskFlow</source>
        <translation>TaskFlow</translation>
    </message>
    <message numerus="yes">
        <source>TaskFlow: %n task(s) overdue</source>
        <translation>
            <numerusform>TaskFlow : %n tâche en retard</numerusform>
            <numerusform>TaskFlow : %n tâches en retard</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is due now.</source>
        <translation>« %1 » arrive à échéance.</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks are due now, among them “%1”.</source>
        <translation>
            <numerusform>%n tâche arrive à échéance : « %1 ».</numerusform>
            <numerusform>%n tâches arrivent à échéance, dont « %1 ».</numerusform>
        </translation>
    </message>
    <message>
        <source>Task due</source>
        <translation>Tâche à échéance</translation>
    </message>
</context>
<context>
    <name>taskflow::ServerSession</name>
    <message>
        <source>Could not read the API token: %1</source>
        <translation>Impossible de lire le jeton d’API : %1</translation>
    </message>
    <message>
        <source>The API token is used until TaskFlow quits, but was not saved: %1</source>
        <translation>Le jeton d’API est utilisé jusqu’à la fermeture de TaskFlow, mais n’a pas été enregistré : %1</translation>
    </message>
</context>
<context>
    <name>taskflow::SettingsDialog</name>
    <message>
        <source>&amp;Keep TaskFlow in the system tray when the window closes</source>
        <translation>&amp;Garder TaskFlow dans la zone de notification quand la fenêtre se ferme</translation>
    </message>
    <message>
        <source>&amp;Remind me when a task falls due</source>
        <translation>&amp;Me prévenir quand une tâche arrive à échéance</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Only if the server requires one</source>
        <translation>Seulement si le serveur en demande un</translation>
    </message>
    <message>
        <source>The server&apos;s API token, sent as &quot;Authorization: Bearer …&quot; and kept in your system&apos;s credential store</source>
        <translation>Le jeton d’API du serveur, envoyé comme « Authorization: Bearer … » et conservé dans le trousseau de votre système</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Jeton d’API</translation>
    </message>
    <message>
        <source>Check for changes every (seconds)</source>
        <translation>Vérifier les modifications toutes les (secondes)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often the list asks the server for changes made elsewhere, when the server cannot send them as they happen</source>
        <translation>À quelle fréquence la liste demande au serveur les modifications faites ailleurs, quand il ne peut pas les envoyer au fil de l’eau</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Takes effect the next time TaskFlow starts</source>
        <translation>Pris en compte au prochain démarrage de TaskFlow</translation>
    </message>
    <message>
        <source>System look</source>
        <translation>Apparence du système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claire</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Ask the server for its health, and whether it takes the token</source>
        <translation>Demander au serveur son état, et s’il accepte le jeton</translation>
    </message>
    <message>
        <source>&amp;Server URL</source>
        <translation>Adresse du &amp;serveur</translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation>&amp;Jeton d’API</translation>
    </message>
    <message>
        <source>&amp;Check for changes every</source>
        <translation>&amp;Vérifier les modifications toutes les</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>L&amp;ook</source>
        <translation>A&amp;pparence</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>Ce bureau n’a pas de zone de notification</translation>
    </message>
    <message>
        <source>Hide the token</source>
        <translation>Masquer le jeton</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Afficher le jeton</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address, e.g. %1</source>
        <translation>Saisissez une adresse http:// ou https://, par exemple %1</translation>
    </message>
    <message>
        <source>A token is letters, digits and punctuation, without spaces.</source>
        <translation>Un jeton se compose de lettres, de chiffres et de ponctuation, sans espaces.</translation>
    </message>
    <message>
        <source>Reading the token stored for this server …</source>
        <translation>Lecture du jeton enregistré pour ce serveur…</translation>
    </message>
    <message>
        <source>Asking %1/health …</source>
        <translation>Interrogation de %1/health…</translation>
    </message>
    <message>
        <source>✔ </source>
        <translation>✔ </translation>
    </message>
    <message>
        <source>✖ </source>
        <translation>✖ </translation>
    </message>
    <message>
        <source>No token needed: the server answers without one.</source>
        <translation>Aucun jeton nécessaire : le serveur répond sans.</translation>
    </message>
    <message>
        <source>Token accepted.</source>
        <translation>Jeton accepté.</translation>
    </message>
    <message>
        <source>Token refused: the server does not know this token.</source>
        <translation>Jeton refusé : le serveur ne connaît pas ce jeton.</translation>
    </message>
    <message>
        <source>The server needs a token: enter it above.</source>
        <translation>Le serveur demande un jeton : saisissez-le ci-dessus.</translation>
    </message>
</context>
<context>
    <name>taskflow::StatsBar</name>
    <message>
        <source>Shown</source>
        <translation>Affichées</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Toutes les tâches</translation>
    </message>
    <message>
        <source>Tasks matching the filters</source>
        <translation>Tâches correspondant aux filtres</translation>
    </message>
    <message>
        <source>Every task on the server</source>
        <translation>Toutes les tâches du serveur</translation>
    </message>
    <message>
        <source>⚠ Overdue</source>
        <translation>⚠ En retard</translation>
    </message>
    <message>
        <source>Due before now and not done</source>
        <translation>Échéance passée et non terminée</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>En retard : %1</translation>
    </message>
</context>
<context>
    <name>taskflow::TaskDialog</name>
    <message>
        <source>New Task</source>
        <translation>Nouvelle tâche</translation>
    </message>
    <message>
        <source>What needs to be done?</source>
        <translation>Que faut-il faire ?</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Details, links, acceptance criteria (optional)</source>
        <translation>Détails, liens, critères d’acceptation (facultatif)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Personne pour l’instant</translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation>A une échéance</translation>
    </message>
    <message>
        <source>Give the task a due date</source>
        <translation>Donner une échéance à la tâche</translation>
    </message>
    <message>
        <source>In your local time (%1); the server stores UTC</source>
        <translation>Dans votre heure locale (%1) ; le serveur enregistre l’heure UTC</translation>
    </message>
    <message>
        <source>local time, %1</source>
        <translation>heure locale, %1</translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation>&amp;Titre *</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorité</translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation>&amp;Responsable</translation>
    </message>
    <message>
        <source>Due &amp;date</source>
        <translation>É&amp;chéance</translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <translation>Abandonner les modifications ?</translation>
    </message>
    <message>
        <source>Throw away what you typed in this task?</source>
        <translation>Abandonner ce que vous avez saisi dans cette tâche ?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation>&amp;Continuer la saisie</translation>
    </message>
    <message>
        <source>Someone else changed this task while you have it open (now: “%1”, %2). If you save, you choose what to keep, field by field.</source>
        <translation>Quelqu’un d’autre a modifié cette tâche pendant que vous l’avez ouverte (maintenant : « %1 », %2). Si vous enregistrez, vous choisirez ce qu’il faut garder, champ par champ.</translation>
    </message>
    <message>
        <source>Someone else deleted this task while you have it open. If you save, you can restore it with your changes.</source>
        <translation>Quelqu’un d’autre a supprimé cette tâche pendant que vous l’avez ouverte. Si vous enregistrez, vous pourrez la rétablir avec vos modifications.</translation>
    </message>
    <message>
        <source>Edit Task</source>
        <translation>Modifier la tâche</translation>
    </message>
    <message>
        <source>Created %1 · last changed %2</source>
        <translation>Créée le %1 · modifiée le %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>%1 characters too many</source>
        <translation>%1 caractères en trop</translation>
    </message>
</context>
<context>
    <name>taskflow::TaskListPage</name>
    <message>
        <source>“%1”</source>
        <translation>« %1 »</translation>
    </message>
    <message>
        <source>Mark %1 as %2</source>
        <translation>Marquer %1 comme %2</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>&amp;New Task…</source>
        <translation>&amp;Nouvelle tâche…</translation>
    </message>
    <message>
        <source>Create a task</source>
        <translation>Créer une tâche</translation>
    </message>
    <message>
        <source>&amp;Quick Add</source>
        <translation>Ajout &amp;rapide</translation>
    </message>
    <message>
        <source>Type a task in the quick-add line</source>
        <translation>Saisir une tâche dans la ligne d’ajout rapide</translation>
    </message>
    <message>
        <source>&amp;Edit Task…</source>
        <translation>&amp;Modifier la tâche…</translation>
    </message>
    <message>
        <source>Edit the selected task</source>
        <translation>Modifier la tâche sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>Mark the selected tasks as done, or to do again</source>
        <translation>Marquer les tâches sélectionnées comme terminées, ou de nouveau à faire</translation>
    </message>
    <message>
        <source>&amp;Delete Task…</source>
        <translation>&amp;Supprimer la tâche…</translation>
    </message>
    <message>
        <source>Delete the selected tasks</source>
        <translation>Supprimer les tâches sélectionnées</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Search the tasks</source>
        <translation>Rechercher dans les tâches</translation>
    </message>
    <message>
        <source>&amp;Mark as</source>
        <translation>M&amp;arquer comme</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorité</translation>
    </message>
    <message>
        <source>Add a task: “Call Ann tomorrow !high @ann”, then Return</source>
        <translation>Ajouter une tâche : « Appeler Ann demain !haute @ann », puis Entrée</translation>
    </message>
    <message>
        <source>Quick add</source>
        <translation>Ajout rapide</translation>
    </message>
    <message>
        <source>A title, optionally with !high or !low, @name and a day such as today or friday</source>
        <translation>Un titre, éventuellement avec !haute ou !basse, @nom et un jour comme aujourd’hui ou vendredi</translation>
    </message>
    <message>
        <source>Return adds: %1</source>
        <translation>Entrée ajoute : %1</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Overdue · %1</source>
        <translation>En retard · %1</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>il y a %1 min</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %n Tasks…</source>
        <translation>
            <numerusform>&amp;Supprimer %n tâche…</numerusform>
            <numerusform>&amp;Supprimer %n tâches…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n task(s)</source>
        <translation>
            <numerusform>%1 : %n tâche</numerusform>
            <numerusform>%1 : %n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading tasks …</source>
        <translation>Chargement des tâches…</translation>
    </message>
    <message>
        <source>The tasks appear here once the server accepts the API token.</source>
        <translation>Les tâches s’afficheront ici dès que le serveur acceptera le jeton d’API.</translation>
    </message>
    <message>
        <source>The tasks appear here as soon as the server answers.</source>
        <translation>Les tâches s’afficheront ici dès que le serveur répondra.</translation>
    </message>
    <message>
        <source>No task matches the filters.</source>
        <translation>Aucune tâche ne correspond aux filtres.</translation>
    </message>
    <message>
        <source>No tasks yet.
Type one in the line above, or press %1.</source>
        <translation>Aucune tâche pour l’instant.
Saisissez-en une dans la ligne ci-dessus, ou appuyez sur %1.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Non ajoutée : %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 ajoutée</translation>
    </message>
    <message>
        <source>Saved %1 here; it goes to the server when it can be reached.</source>
        <translation>%1 enregistrée ici ; elle partira vers le serveur dès qu’il sera joignable.</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 créée</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistrée</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n tâche</numerusform>
            <numerusform>%n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>Set the priority of %1 to %2</source>
        <translation>Passer la priorité de %1 à %2</translation>
    </message>
    <message>
        <source>Delete Task</source>
        <translation>Supprimer la tâche</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>Supprimer %1 ?</translation>
    </message>
    <message>
        <source>It is deleted for everyone. Edit ▸ Undo (%1) brings it back.</source>
        <translation>Elle est supprimée pour tout le monde. Édition ▸ Annuler (%1) la rétablit.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 supprimée</translation>
    </message>
</context>
<context>
    <name>taskflow::TaskTableModel</name>
    <message>
        <source>Done (uncheck to reopen)</source>
        <translation>Terminée (décocher pour la rouvrir)</translation>
    </message>
    <message>
        <source>Not done (check to complete)</source>
        <translation>Non terminée (cocher pour la terminer)</translation>
    </message>
    <message>
        <source>Overdue, due %1</source>
        <translation>En retard, échéance le %1</translation>
    </message>
    <message>
        <source>%1  · not sent yet</source>
        <translation>%1  · pas encore envoyée</translation>
    </message>
    <message>
        <source>Overdue · %1</source>
        <translation>En retard · %1</translation>
    </message>
    <message>
        <source>Changed here; sent to the server as soon as it can be reached.</source>
        <translation>Modifiée ici ; envoyée au serveur dès qu’il sera joignable.</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Priorité : %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non attribuées</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Pas d’échéance</translation>
    </message>
    <message>
        <source>Overdue: was due %1</source>
        <translation>En retard : échéance le %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Échéance le %1</translation>
    </message>
    <message>
        <source>Last changed %1
Created %2</source>
        <translation>Modifiée le %1
Créée le %2</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>il y a %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>il y a %1 h</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>il y a %1 jours</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>Due date in your local time</source>
        <translation>Échéance dans votre heure locale</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
</context>
<context>
    <name>taskflow::TokenStore</name>
    <message>
        <source>no Secret Service or KWallet answered on the session bus</source>
        <translation>ni Secret Service ni KWallet n’a répondu sur le bus de session</translation>
    </message>
    <message>
        <source>chosen by the application</source>
        <translation>choisi par l’application</translation>
    </message>
    <message>
        <source>No credential store is available (%1), so the API token is kept unencrypted in the settings file %2.</source>
        <translation>Aucun trousseau n’est disponible (%1) ; le jeton d’API est donc conservé en clair dans le fichier de paramètres %2.</translation>
    </message>
    <message>
        <source>The credential store is not used (%1), so the API token is kept unencrypted in the settings file %2.</source>
        <translation>Le trousseau n’est pas utilisé (%1) ; le jeton d’API est donc conservé en clair dans le fichier de paramètres %2.</translation>
    </message>
    <message>
        <source>The credential store did not give the API token: %1</source>
        <translation>Le trousseau n’a pas fourni le jeton d’API : %1</translation>
    </message>
    <message>
        <source>The credential store did not save the API token: %1</source>
        <translation>Le trousseau n’a pas enregistré le jeton d’API : %1</translation>
    </message>
    <message>
        <source>The credential store did not delete the API token: %1</source>
        <translation>Le trousseau n’a pas supprimé le jeton d’API : %1</translation>
    </message>
</context>
</TS>
