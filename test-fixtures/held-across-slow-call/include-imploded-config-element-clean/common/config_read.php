<?php
// The project's paths, built once at the top level as elements of its configuration array.
$configValues['COMMON'] = __DIR__;
$configValues['ROOT'] = realpath(implode(DIRECTORY_SEPARATOR, [ $configValues['COMMON'], '..' ]));
$configValues['OPS_LIBRARY'] = implode(DIRECTORY_SEPARATOR, [ $configValues['ROOT'], 'ops', 'library' ]);
