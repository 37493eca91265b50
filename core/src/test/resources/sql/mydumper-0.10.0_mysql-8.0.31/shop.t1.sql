/*!40101 SET NAMES binary*/;
/*!40014 SET FOREIGN_KEY_CHECKS=0*/;
/*!40103 SET TIME_ZONE='+00:00' */;
INSERT INTO `t1` VALUES
(1,"plain"),
(2,"semi;colon"),
(3,"DEFINER=`x`@`y` in data"),
(4,"quote \' and \\ backslash and \"dq\""),
(5,"line1\nline2 /* not a comment */ -- nor this"),
(6,"ünïcødé ✓");
