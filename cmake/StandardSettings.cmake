# Warnings are errors (DEVELOPERS.md); sanitizers are a build option the test command uses.
option(JAMSOS_WERROR "Treat warnings as errors" ON)
option(JAMSOS_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

if(JAMSOS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# ThreadSanitizer for the threads of validate, dedupe, consolidate and reconcile
# (core/ordered_pipeline.hpp); it cannot be combined with AddressSanitizer.
option(JAMSOS_SANITIZE_THREAD "Build with ThreadSanitizer" OFF)
if(JAMSOS_SANITIZE_THREAD)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()

function(jamsos_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                         -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast)
  if(JAMSOS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
