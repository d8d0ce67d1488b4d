<?php
// A factory builds whatever class it is given (`new $class(...)`, the name a parameter): the
// analysis cannot name that class, so the `new` counts for none, as an unresolved call does
// nothing. The upload handler's only `new` keeps the constructor's 'image_library' => 1, so
// ImageMagick never runs while the session is open. (Near miss, a name with a literal prefix:
// constructor-option-dynamic-new.php.)
declare(strict_types=1);

class UploadHandler
{
    protected $options;

    public function __construct($options = null)
    {
        $this->options = array('image_library' => 1);
        if ($options) {
            $this->options = $options + $this->options;
        }
    }

    public function post(string $file): void
    {
        if ($this->options['image_library'] === 2) {
            exec('convert ' . escapeshellarg($file) . ' -resize 80x80 thumb.jpg');
        }
    }
}

function make_handler(string $class, array $settings): object
{
    return new $class($settings);
}

session_start();
$handler = new UploadHandler();
$handler->post((string) ($_FILES['file']['tmp_name'] ?? ''));
$_SESSION['uploaded'] = true;
$importer = make_handler((string) ($_POST['importer'] ?? 'CsvImporter'), array('delimiter' => ';'));
