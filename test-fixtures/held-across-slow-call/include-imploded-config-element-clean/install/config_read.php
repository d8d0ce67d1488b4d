<?php
// The installer gives the same element another folder: which one a page sees is not known.
$configValues['OPS_LIBRARY'] = implode(DIRECTORY_SEPARATOR, [ __DIR__, 'library' ]);
