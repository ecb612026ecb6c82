# Small build helpers shared by every folder of the project.

# Use ccache when it is installed: torch-heavy translation units are slow to
# compile, and a rebuild after a branch switch should not pay for them twice.
function(w2w_enable_ccache)
  find_program(W2W_CCACHE ccache)
  if(W2W_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_C_COMPILER_LAUNCHER ${W2W_CCACHE} PARENT_SCOPE)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${W2W_CCACHE} PARENT_SCOPE)
    message(STATUS "ccache: ${W2W_CCACHE}")
  endif()
endfunction()

# W2W_SANITIZE=address,undefined (or thread) instruments every target.
function(w2w_enable_sanitizers list)
  if(list STREQUAL "")
    return()
  endif()
  string(REPLACE "," ";" sanitizers "${list}")
  foreach(s IN LISTS sanitizers)
    if(NOT s MATCHES "^(address|undefined|thread|leak)$")
      message(FATAL_ERROR "W2W_SANITIZE: unknown sanitizer '${s}'")
    endif()
  endforeach()
  string(REPLACE ";" "," joined "${sanitizers}")
  add_compile_options(-fsanitize=${joined} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=${joined})
  message(STATUS "Sanitizers: ${joined}")
endfunction()

# Warnings for the project's own code (not for third-party headers).
function(w2w_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()

# Torch headers cost ~10 s per translation unit; a precompiled header brings a
# torch-heavy file down to about a second. Every torch-using target calls this.
# The first caller (w2w_clip) compiles the header once; every later one reuses
# that file: each copy costs a minute of compiling and 570 MB of disk, and a
# build with one per target filled a small CI disk. GCC accepts a precompiled
# header only for code compiled with the same -fpic/-fpie setting, so every
# user compiles position-independent (-fPIC, as Qt asks of its users anyway).
function(w2w_torch_pch target)
  get_property(owner GLOBAL PROPERTY W2W_TORCH_PCH_OWNER)
  if(owner)
    target_precompile_headers(${target} REUSE_FROM ${owner})
  else()
    target_precompile_headers(${target} PRIVATE
      ${PROJECT_SOURCE_DIR}/cmake/torch_pch.h)
    set_property(GLOBAL PROPERTY W2W_TORCH_PCH_OWNER ${target})
  endif()
  target_compile_options(${target} PRIVATE -fPIC)
endfunction()

# w2w_add_gtest(NAME name SOURCES a.cpp ... LIBS lib ... LABELS unit ...)
# One GoogleTest executable per area, linked against the libraries (never
# recompiling their sources), discovered by ctest and labelled.
function(w2w_add_gtest)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main)
  w2w_target_warnings(${T_NAME})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  # One variable only: gtest_discover_tests writes PROPERTIES as separate
  # words, so a list of variables would keep just its first. Tests that need
  # a display platform set QT_QPA_PLATFORM=offscreen in their own main().
  gtest_discover_tests(${T_NAME}
    DISCOVERY_TIMEOUT 60
    PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
      ENVIRONMENT "W2W_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data")
endfunction()
