# Test script for PythonPeerTest: prints a version line and its arguments, one per line, then exits
# with the status given as its first argument (3 stands for "no scipy").
import sys

print("# echo 1.0")
for a in sys.argv[2:]:
    print(a)
sys.exit(int(sys.argv[1]))
