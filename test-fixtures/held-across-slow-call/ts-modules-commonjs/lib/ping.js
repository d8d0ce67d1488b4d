module.exports = async function ping(url) {
    await fetch(url, { method: 'HEAD' });
};
