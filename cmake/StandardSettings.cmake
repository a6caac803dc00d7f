# Warnings are errors (DEVELOPERS.md); sanitizers are a build option the test command uses.
option(JAMSOS_WERROR "Treat warnings as errors" ON)
option(JAMSOS_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

if(JAMSOS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

function(jamsos_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                         -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast)
  if(JAMSOS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
