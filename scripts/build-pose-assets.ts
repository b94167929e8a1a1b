// Placeholder replaced by the pose-asset builder (issue: Foundation).
console.log('pose assets: not built yet');
