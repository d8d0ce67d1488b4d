<?php
// An upload handler fixes its options in its constructor and merges the caller's over them;
// no `new` in the project sets 'image_library' or 'download_via_php', so the branches that run
// ImageMagick or stream a remote file never run while the session is open. (A `new` of a
// computed class name counts only for the classes its literal prefix, or every value the
// file assigns the name, can name.)
declare(strict_types=1);

class UploadHandler
{
    protected $options;

    public function __construct($options = null)
    {
        $this->options = array(
            'upload_dir' => __DIR__ . '/files/',
            'image_library' => 1,
            'download_via_php' => false,
        );
        if ($options) {
            $this->options = $options + $this->options;
        }
    }

    public function post(string $file): void
    {
        $info = new \stdClass();
        foreach (array('name' => basename($file)) as $field => $value) {
            $info->$field = $value;
        }
        if ($this->options['image_library'] === 2) {
            exec('convert ' . escapeshellarg($file) . ' -resize 80x80 thumb.jpg');
        }
    }

    public function download(string $name): void
    {
        switch ($this->options['download_via_php']) {
            case 1:
                readfile('https://cdn.example.com/' . rawurlencode($name));
                break;
            default:
                header('HTTP/1.1 403 Forbidden');
        }
    }
}

class GalleryUploadHandler extends UploadHandler
{
    protected $album = '';

    public function __construct($options = null, string $album = '')
    {
        $this->album = $album;
        parent::__construct($options);
    }
}

session_start();
$options = array('upload_dir' => '/srv/albums/' . basename((string) ($_GET['album'] ?? '')));
$handler = new GalleryUploadHandler($options, 'news');
$handler->post((string) ($_FILES['file']['tmp_name'] ?? ''));
$handler->download((string) ($_GET['file'] ?? ''));
$plain = new UploadHandler();
$plain->post('x.jpg');
$class = 'Plugin' . basename((string) ($_GET['plugin'] ?? ''));
$plugin = new $class((array) ($_POST['settings'] ?? array()));
if (isset($_GET['driver'])) {
    $driver = 'Db' . basename((string) $_GET['driver']);
} else {
    $driver = 'DbBase';
}
$db = new $driver((array) ($_POST['db'] ?? array()));
foreach ((array) ($_GET['editors'] ?? array()) as $name) {
    $editor = 'Editor' . basename((string) $name);
    if (class_exists($editor)) {
        $instance = new $editor((array) $_POST);
    } else {
        $editor = (string) $name;
    }
}
