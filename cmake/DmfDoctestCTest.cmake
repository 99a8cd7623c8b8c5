# Read by CTest through TARGET_include.cmake (see DmfDoctestDiscover.cmake), with
# the DMF_DOCTEST_* options set: one entry per line of the cases file.
cmake_policy(VERSION 3.20)

if(NOT EXISTS "${DMF_DOCTEST_CASES_FILE}")
  add_test("${DMF_DOCTEST_TARGET}_NOT_BUILT" "${DMF_DOCTEST_TARGET}_NOT_BUILT")
  return()
endif()

set(_dmf_doctest_costs_used)

function(dmf_doctest_case name suite executable)
  set(label "${suite}")
  if(DEFINED DMF_DOCTEST_DEFAULT_LABEL AND NOT DMF_DOCTEST_DEFAULT_LABEL STREQUAL "")  # unset: the suite's own name
    set(label "${DMF_DOCTEST_DEFAULT_LABEL}")
  endif()
  set(pairs ${DMF_DOCTEST_SUITE_LABELS})
  while(pairs)
    list(POP_FRONT pairs s l)
    if(s STREQUAL suite)
      set(label "${l}")
      break()
    endif()
  endwhile()
  if(label STREQUAL "")
    set(label "nosuite")
  endif()

  set(cost)
  set(pairs ${DMF_DOCTEST_COSTS})
  while(pairs)
    list(POP_FRONT pairs regex c)
    if(name MATCHES "${regex}")
      set(cost COST "${c}")
      set(used ${_dmf_doctest_costs_used})
      list(APPEND used "${regex}")
      set(_dmf_doctest_costs_used ${used} PARENT_SCOPE)
      break()
    endif()
  endwhile()

  string(REPLACE "," "\\," filter "${name}")  # doctest filters split on unescaped commas
  add_test("${name}" ${DMF_DOCTEST_EXECUTOR} "${executable}" "--test-case=${filter}" --case-sensitive=true
           ${DMF_DOCTEST_EXTRA_ARGS})
  set_tests_properties("${name}" PROPERTIES WORKING_DIRECTORY "${DMF_DOCTEST_WORKING_DIRECTORY}"
                       LABELS "${label}" ${cost} ${DMF_DOCTEST_PROPERTIES})
endfunction()

include("${DMF_DOCTEST_CASES_FILE}")

# A cost rule that matches nothing names a case that is gone or renamed.
set(_dmf_pairs ${DMF_DOCTEST_COSTS})
while(_dmf_pairs)
  list(POP_FRONT _dmf_pairs _dmf_regex _dmf_cost)
  if(NOT _dmf_regex IN_LIST _dmf_doctest_costs_used)
    message(WARNING "${DMF_DOCTEST_TARGET}: the COSTS rule '${_dmf_regex}' matches no test case")
  endif()
endwhile()
