<?php
// Near miss of constructor-option-kept-by-constructions.ok.php: a `new` of a class whose name
// starts with 'Gallery' may build the gallery's upload handler, here with options from the
// request, so ImageMagick may run. (A class name with no literal prefix names no class:
// constructor-option-unnamed-new.ok.php.)
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

session_start(['read_and_close' => true]); // expect: prefer-read-and-close
$options = array('upload_dir' => '/srv/albums/' . basename((string) ($_GET['album'] ?? '')));
$handler = new GalleryUploadHandler($options, 'news');
$handler->post((string) ($_FILES['file']['tmp_name'] ?? '')); // expect: held-across-slow-call
$handler->download((string) ($_GET['file'] ?? ''));
$plain = new UploadHandler();
$plain->post('x.jpg');
$class = 'Gallery' . basename((string) ($_GET['kind'] ?? ''));
$plugin = new $class((array) ($_POST['settings'] ?? array()));
