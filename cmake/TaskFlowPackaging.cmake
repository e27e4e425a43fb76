# What `cmake --install` puts where, and the packages CPack makes of it:
#   Debian/Ubuntu: taskflow-server and taskflow-desktop .deb (cpack -G DEB, or the "release"
#                  package preset); dependencies from dpkg-shlibdeps;
#   Windows:       the desktop app with windeployqt and an NSIS installer;
#   macOS:         the desktop app bundle with macdeployqt in a .dmg.
# Every platform difference of installing and packaging is in this file; packaging/linux/
# holds the Linux files it installs (systemd unit, environment file, maintainer scripts,
# AppStream metadata).
include(GNUInstallDirs)

set(TASKFLOW_PACKAGE_CONTACT "TaskFlow maintainers <maintainers@taskflow.invalid>"
    CACHE STRING "Maintainer of the packages (Debian's Maintainer field)")
set(taskflow_linux_dir ${PROJECT_SOURCE_DIR}/packaging/linux)
set(taskflow_components)

# --- the server ---------------------------------------------------------------------------
if(TASKFLOW_BUILD_SERVER)
    list(APPEND taskflow_components server)
    install(TARGETS taskflow-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
    if(UNIX AND NOT APPLE)
        # The unit names the binary where the package puts it (Debian packages live in /usr),
        # whatever CMAKE_INSTALL_PREFIX a hand install uses.
        set(TASKFLOW_UNIT_BINDIR /usr/${CMAKE_INSTALL_BINDIR})
        configure_file(${taskflow_linux_dir}/taskflow-server.service.in
            ${CMAKE_CURRENT_BINARY_DIR}/packaging/taskflow-server.service @ONLY)
        install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/taskflow-server.service
            DESTINATION lib/systemd/system COMPONENT server)
        # An absolute destination: /etc, whatever the prefix (a conffile of the package).
        install(FILES ${taskflow_linux_dir}/taskflow-server.env
            DESTINATION /etc/taskflow COMPONENT server)
    endif()
endif()

# --- the desktop app ----------------------------------------------------------------------
if(TASKFLOW_BUILD_DESKTOP)
    list(APPEND taskflow_components desktop)
    install(TARGETS taskflow-desktop
        BUNDLE DESTINATION . COMPONENT desktop
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT desktop)
    if(UNIX AND NOT APPLE)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/taskflow.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT desktop)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/taskflow.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT desktop)
        install(FILES ${taskflow_linux_dir}/org.taskflow.desktop.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT desktop)
        # Translations: whatever .qm files the desktop build writes to disk (qt_add_translations
        # with QM_FILES_OUTPUT_VARIABLE, or lrelease), found when installing, so none is
        # forgotten and a build without any installs none. .qm files embedded as resources
        # (qt_add_translations' default) travel inside the binary.
        install(CODE "
            file(GLOB_RECURSE taskflow_qm_files \"${CMAKE_BINARY_DIR}/desktop/*.qm\")
            if(taskflow_qm_files)
                file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/taskflow/translations\"
                     TYPE FILE FILES \${taskflow_qm_files})
            endif()"
            COMPONENT desktop)
    elseif(WIN32 OR APPLE)
        # windeployqt / macdeployqt at install time, so the installer and the .dmg carry Qt.
        qt_generate_deploy_app_script(TARGET taskflow-desktop
            OUTPUT_SCRIPT taskflow_deploy_script
            NO_UNSUPPORTED_PLATFORM_ERROR)
        install(SCRIPT ${taskflow_deploy_script} COMPONENT desktop)
        if(WIN32)
            # DLLs that are not Qt's (QtKeychain): windeployqt only knows Qt's own.
            install(FILES $<TARGET_RUNTIME_DLLS:taskflow-desktop>
                DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT desktop)
        endif()
    endif()
endif()

# --- CPack --------------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME taskflow)
set(CPACK_PACKAGE_VENDOR TaskFlow)
set(CPACK_PACKAGE_CONTACT "${TASKFLOW_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY TaskFlow)
set(CPACK_PACKAGE_EXECUTABLES taskflow-desktop TaskFlow)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL ${taskflow_components})
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "TaskFlow server")
set(CPACK_COMPONENT_DESKTOP_DISPLAY_NAME "TaskFlow desktop app")

if(WIN32)
    set(CPACK_GENERATOR NSIS)
    set(CPACK_COMPONENTS_ALL desktop)
    set(CPACK_NSIS_DISPLAY_NAME TaskFlow)
    set(CPACK_NSIS_PACKAGE_NAME TaskFlow)
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin/taskflow-desktop.exe)
    set(CPACK_NSIS_MODIFY_PATH OFF)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_COMPONENTS_ALL desktop)
    set(CPACK_DMG_VOLUME_NAME TaskFlow)
else()
    set(CPACK_GENERATOR DEB)
    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    # One package per Debian release (they link that release's Qt): 1.0.0-1~deb12, ~deb13.
    cmake_host_system_information(RESULT taskflow_distro_id QUERY DISTRIB_ID)
    cmake_host_system_information(RESULT taskflow_distro_version QUERY DISTRIB_VERSION_ID)
    if(taskflow_distro_id STREQUAL "debian" AND taskflow_distro_version)
        set(CPACK_DEBIAN_PACKAGE_RELEASE "1~deb${taskflow_distro_version}")
    else()
        set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
    endif()
    set(CPACK_DEBIAN_PACKAGE_SECTION misc)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    # The libraries the binaries link come from dpkg-shlibdeps. What it cannot see are Qt's
    # plugins, loaded at run time: those are named here.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

    set(CPACK_DEBIAN_SERVER_PACKAGE_NAME taskflow-server)
    set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION web)
    set(CPACK_DEBIAN_SERVER_DESCRIPTION
        "The API server: REST for TaskFlow tasks on SQLite or PostgreSQL, run by\nsystemd as its own user (taskflow-server.service), with its settings in\n/etc/taskflow/taskflow-server.env.")
    set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, passwd")
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/packaging/server/conffiles "/etc/taskflow/taskflow-server.env\n")
    foreach(script IN ITEMS postinst prerm postrm)
        configure_file(${taskflow_linux_dir}/server-${script}
            ${CMAKE_CURRENT_BINARY_DIR}/packaging/server/${script} COPYONLY)
    endforeach()
    set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
        ${CMAKE_CURRENT_BINARY_DIR}/packaging/server/conffiles
        ${CMAKE_CURRENT_BINARY_DIR}/packaging/server/postinst
        ${CMAKE_CURRENT_BINARY_DIR}/packaging/server/prerm
        ${CMAKE_CURRENT_BINARY_DIR}/packaging/server/postrm)
    set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

    set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME taskflow-desktop)
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_SECTION x11)
    set(CPACK_DEBIAN_DESKTOP_DESCRIPTION
        "The desktop app: a Qt Widgets client of a TaskFlow server that lists,\nfilters, creates and edits tasks, with a dashboard of counts and charts.")
    # The platform plugins (xcb, wayland), and the SVG icon engine: in libqt6svg6 up to Qt 6.5,
    # in qt6-svg-plugins since (Debian 13).
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS "qt6-qpa-plugins, qt6-svg-plugins | libqt6svg6 (<< 6.6)")
endif()

include(CPack)
