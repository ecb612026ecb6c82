# Installation layout: binaries in bin/, the demo and models in share/what2wear.
include(GNUInstallDirs)
if(TARGET what2wear)
  install(TARGETS what2wear RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
if(TARGET what2wear-studio)
  install(TARGETS what2wear-studio RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES packaging/what2wear-studio.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
endif()
install(DIRECTORY resources/demo DESTINATION ${CMAKE_INSTALL_DATADIR}/what2wear)
# The garment parser (crop pipeline), found at run time by findResource().
install(DIRECTORY resources/models DESTINATION ${CMAKE_INSTALL_DATADIR}/what2wear)
