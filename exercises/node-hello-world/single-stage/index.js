// Prints one line: the greeting, the Node.js that runs it and the user it runs as, so the two images
// can be told apart by what they print.
console.log(`Hello, World! (Node.js ${process.version}, uid ${process.getuid()})`);
